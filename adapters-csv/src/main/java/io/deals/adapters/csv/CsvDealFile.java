package io.deals.adapters.csv;

import io.deals.application.imports.DealFileColumns;
import io.deals.application.imports.DealFileException;
import io.deals.application.imports.DealFileRecord;
import io.deals.application.imports.port.out.DealFile;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One CSV deals file: its header checked on opening, then its records one at a time. */
final class CsvDealFile implements DealFile {

    private final CSVParser parser;
    private final RecordSizeGuard guard;
    private final Iterator<CSVRecord> records;
    private final int columnCount;
    /** For each of {@link DealFileColumns#ALL}, its index in the file, or -1 when the file lacks it. */
    private final int[] indexOf;

    CsvDealFile(CSVParser parser, RecordSizeGuard guard) {
        this.parser = parser;
        this.guard = guard;
        this.records = parser.iterator();
        CSVRecord header = nextRecord();
        if (header == null) {
            throw new DealFileException("the file is empty; it needs a header row naming its columns");
        }
        List<String> names = header.stream().map(String::strip).toList();
        checkHeader(names);
        this.columnCount = names.size();
        this.indexOf = DealFileColumns.ALL.stream().mapToInt(names::indexOf).toArray();
    }

    @Override
    public DealFileRecord next() {
        CSVRecord record = nextRecord();
        if (record == null) {
            return null;
        }
        long line = parser.getCurrentLineNumber() - lineBreaksWithin(record);
        String[] v = new String[indexOf.length];
        for (int i = 0; i < indexOf.length; i++) {
            v[i] = indexOf[i] >= 0 && indexOf[i] < record.size() ? record.get(indexOf[i]) : null;
        }
        return new DealFileRecord(line, record.size() == columnCount, v[0], v[1], v[2], v[3], v[4], v[5], v[6],
                v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14]);
    }

    @Override
    public void close() {
        // Nothing to release: the caller owns the stream beneath.
    }

    private CSVRecord nextRecord() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            guard.recordEnded();
            return record;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable(e);
        }
    }

    /** Says what went wrong by the first telling cause: the encoding, an endless record, the CSV, or the stream. */
    private DealFileException unreadable(RuntimeException failure) {
        String after = "after line " + parser.getCurrentLineNumber();
        boolean streamFailed = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return new DealFileException("the file is not valid UTF-8 " + after, failure);
            }
            if (cause instanceof RecordSizeGuard.RecordTooLongException) {
                return new DealFileException(cause.getMessage() + " (" + after + ")", failure);
            }
            if (cause instanceof CSVException) {
                return notCsv(after, failure);
            }
            streamFailed |= cause instanceof IOException;
        }
        return streamFailed
                ? new DealFileException("the file could not be read to its end (" + after + "); was the upload cut off?",
                        failure)
                : notCsv(after, failure);
    }

    private static DealFileException notCsv(String after, RuntimeException failure) {
        return new DealFileException("the file is not valid CSV " + after
                + ": a quoted field must be closed, and a closing quote followed by a comma or a line break", failure);
    }

    /** The physical line a record starts on is where it ends, less the line breaks quoted inside it. */
    private static long lineBreaksWithin(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n')) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    /** Every problem of the header at once: unknown, repeated and missing columns. */
    private static void checkHeader(List<String> names) {
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String name : names) {
            if (!DealFileColumns.ALL.contains(name)) {
                unknown.add(name);
            } else if (seen.merge(name, 1, Integer::sum) > 1) {
                repeated.add(name);
            }
        }
        Set<String> missing = new TreeSet<>(DealFileColumns.REQUIRED);
        missing.removeAll(names);
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing column" + plural(missing) + " " + String.join(", ", missing));
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown column" + plural(unknown) + " " + String.join(", ", quoted(unknown)));
        }
        if (!repeated.isEmpty()) {
            problems.add("repeated column" + plural(repeated) + " " + String.join(", ", repeated));
        }
        if (!problems.isEmpty()) {
            throw new DealFileException("the header row has " + String.join("; ", problems)
                    + " (the columns are " + String.join(", ", DealFileColumns.ALL) + ")");
        }
    }

    private static String plural(Set<String> names) {
        return names.size() == 1 ? "" : "s";
    }

    /** Quoted, and cut short: a header cell may be anything up to a whole broken file. */
    private static List<String> quoted(Set<String> names) {
        return names.stream().map(name -> "\"" + (name.length() > 64 ? name.substring(0, 64) + "…" : name) + "\"")
                .toList();
    }
}
