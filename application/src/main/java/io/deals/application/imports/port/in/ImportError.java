package io.deals.application.imports.port.in;

/** Why a row was refused: its physical line in the file, the column, a stable code and a readable message. */
public record ImportError(long line, String field, String code, String message) {
}
