package dev.moeadvisor.web.ui.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HumanNumberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1e23      | 1e23",
            "2.5e21    | 2.5e21",
            "10T       | 1e13",
            "300B      | 3e11",
            "300G      | 3e11",
            "1.5M      | 1.5e6",
            "4k        | 4000",
            "4K        | 4000",
            "2P        | 2e15",
            "' 7 '     | 7",
            "35%       | 0.35",
            "32,768    | 32768",
            "1_000     | 1000",
            ".5        | 0.5",
            "-3        | -3",
            "1e-3      | 0.001",
            "1.5e3k    | 1.5e6"})
    void readsHumanForms(String text, double expected) {
        assertEquals(expected, HumanNumber.parse(text), Math.abs(expected) * 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abc", "1e", "e5", "1.2.3", "5 KB", "1,5", "12,34", "NaN", "Infinity", "0x10", "k", "."})
    void refusesWhatIsNotANumber(String text) {
        HumanNumber.UnreadableNumberException e = assertThrows(HumanNumber.UnreadableNumberException.class,
                () -> HumanNumber.parse(text));
        assertEquals("is not a number (write e.g. 1e23, 2.5e21, 10T, 300B, 1.5M or 4k)", e.getMessage());
    }

    @Test
    void refusesNull() {
        assertThrows(HumanNumber.UnreadableNumberException.class, () -> HumanNumber.parse(null));
    }

    @Test
    void refusesNumbersBeyondDouble() {
        assertEquals("is too large", assertThrows(HumanNumber.UnreadableNumberException.class,
                () -> HumanNumber.parse("1e400")).getMessage());
    }

    @Test
    void wholeNumbersAreExact() {
        assertEquals(4100, HumanNumber.parseWhole("4.1k"));
        assertEquals(1_500_000, HumanNumber.parseWhole("1.5M"));
        assertEquals(32768, HumanNumber.parseWhole("32,768"));
        assertEquals(0, HumanNumber.parseWhole("0"));
        assertEquals(2048, HumanNumber.parseWhole("2048.0"));
    }

    @Test
    void wholeNumbersRefuseFractionsAndOverflow() {
        assertEquals("must be a whole number", assertThrows(HumanNumber.UnreadableNumberException.class,
                () -> HumanNumber.parseWhole("2.5")).getMessage());
        assertEquals("must be a whole number", assertThrows(HumanNumber.UnreadableNumberException.class,
                () -> HumanNumber.parseWhole("1.0001k")).getMessage());
        assertEquals("is too large", assertThrows(HumanNumber.UnreadableNumberException.class,
                () -> HumanNumber.parseWhole("1e30")).getMessage());
    }
}
