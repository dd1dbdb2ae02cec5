package io.deals.adapters.csv;

import io.deals.application.imports.DealFileException;
import io.deals.application.imports.port.out.DealFile;
import io.deals.application.imports.port.out.DealFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.io.input.BOMInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Deals files in CSV: RFC 4180 quoting (commas, quotes and line breaks inside quoted fields),
 * UTF-8 with or without a byte-order mark, LF or CRLF, blank lines skipped, a header row first.
 */
final class CsvDealFiles implements DealFiles {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    @Override
    public DealFile open(InputStream in) {
        try {
            // A UTF-8 byte-order mark, as spreadsheet programs write it, is dropped; then strict
            // decoding: a file in another encoding is refused, never imported garbled.
            InputStreamReader text = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
            RecordSizeGuard guarded = new RecordSizeGuard(text);
            return new CsvDealFile(CSVParser.builder().setReader(guarded).setFormat(FORMAT).get(), guarded);
        } catch (IOException | UncheckedIOException e) {
            throw new DealFileException("the file cannot be read", e);
        }
    }
}
