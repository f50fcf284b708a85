package org.confab.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsTheUnitsAPersonWrites() {
        assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("45")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void refusesAnythingElse() {
        assertThatThrownBy(() -> converter.convert("10 minutes")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("-5s")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("")).isInstanceOf(TypeConversionException.class);
    }
}
