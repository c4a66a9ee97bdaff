package com.plumbline.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MisspellingTest {

    private static final Instant OPEN = Instant.parse("2026-03-10T15:00:00Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            bursted pipe in the garage                 | EMERGENCY
            BURST PIPES!!!                             | EMERGENCY
            floding in the basement                    | EMERGENCY
            basement got flodded overnight             | EMERGENCY
            sewer backing up into the tub              | EMERGENCY
            sewar backed up in the basement            | EMERGENCY
            gas smell in the kitchen                   | EMERGENCY
            I can smell gas near the dryer             | EMERGENCY
            smells like gass in here                   | EMERGENCY
            Gas-Leak, rotten eggs                      | EMERGENCY
            toliet is clogged                          | MEDIUM
            the toilit wont flush                      | MEDIUM
            watter heater leaking                      | HIGH
            the hot water heaters are not heating     | HIGH
            """)
    void commonSpellingsAndVariantsAreRecognised(String text, Priority expected) {
        assertThat(TestRules.classifier().classify(text, OPEN, 0).priority()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the floors are getting refinished, can you come after?             | LOW
            we are putting new flooring in the bathroom, need the toilet reset | LOW
            """)
    void realWordsCloseToKeywordsAreNotTreatedAsTypos(String text, Priority expected) {
        assertThat(TestRules.classifier().classify(text, OPEN, 0).priority()).isEqualTo(expected);
    }
}
