package io.deals.application.imports;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DealFileColumnsTest {

    private static final Pattern SNAKE = Pattern.compile("_([a-z])");

    /** Readers fill a record column by column in this order; a reordering on one side alone would swap fields. */
    @Test
    void the_record_holds_the_columns_in_their_order() {
        List<String> fields = Arrays.stream(DealFileRecord.class.getRecordComponents())
                .map(RecordComponent::getName).skip(2).toList();

        assertThat(fields).isEqualTo(DealFileColumns.ALL.stream()
                .map(column -> SNAKE.matcher(column).replaceAll(m -> m.group(1).toUpperCase())).toList());
    }

    @Test
    void every_column_but_created_at_is_required() {
        assertThat(DealFileColumns.ALL).containsAll(DealFileColumns.REQUIRED);
        assertThat(DealFileColumns.ALL).filteredOn(column -> !DealFileColumns.REQUIRED.contains(column))
                .containsExactly(DealFileColumns.CREATED_AT);
    }
}
