package io.deals.adapters.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** Drops a UTF-8 byte-order mark at the very start, which spreadsheet programs like to write. */
final class ByteOrderMarkSkipper extends FilterReader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private boolean atStart = true;

    ByteOrderMarkSkipper(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (atStart && n > 0) {
            atStart = false;
            if (buffer[offset] == BYTE_ORDER_MARK) {
                System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                return n == 1 ? read(buffer, offset, length) : n - 1;
            }
        }
        return n;
    }
}
