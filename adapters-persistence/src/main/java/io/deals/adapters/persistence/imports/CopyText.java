package io.deals.adapters.persistence.imports;

/** Values in COPY's text format: backslash, tab and line breaks escaped. */
final class CopyText {

    private CopyText() {
    }

    static StringBuilder append(StringBuilder row, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
        return row;
    }
}
