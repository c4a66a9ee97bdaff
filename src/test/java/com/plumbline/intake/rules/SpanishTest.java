package com.plumbline.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpanishTest {

    private static final Instant OPEN = Instant.parse("2026-03-10T15:00:00Z");

    // gas and a house with no water are GENERAL, as BLIND-SET.md's labelling rules file them
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Tenemos una fuga de gas en la cocina        | EMERGENCY | GENERAL
            Inundación en el sótano                     | EMERGENCY | LEAK_DETECTION
            inundacion en la cocina                     | EMERGENCY | LEAK_DETECTION
            Tubería rota en el garaje                   | EMERGENCY | LEAK_DETECTION
            Se reventó el tubo del baño                 | EMERGENCY | LEAK_DETECTION
            No hay agua en la casa                      | HIGH      | GENERAL
            El calentador no funciona                   | HIGH      | WATER_HEATER
            Drenaje tapado en la cocina                 | MEDIUM    | DRAIN_CLEANING
            El inodoro está tapado                      | MEDIUM    | TOILET_REPAIR
            baño tapado                                 | MEDIUM    | TOILET_REPAIR
            """)
    void spanishProblemsAreClassified(String text, Priority priority, ServiceType serviceType) {
        Classification c = TestRules.classifier().classify(text, OPEN, 0);
        assertThat(c.priority()).isEqualTo(priority);
        assertThat(c.serviceType()).isEqualTo(serviceType);
        assertThat(c.language()).isEqualTo("es");
    }

    @Test
    void urgenteRaisesUrgency() {
        Classification calm = TestRules.classifier().classify("el inodoro está tapado", OPEN, 0);
        Classification urgent = TestRules.classifier().classify("el inodoro está tapado, urgente", OPEN, 0);
        assertThat(urgent.urgency()).isGreaterThan(calm.urgency());
    }

    @Test
    void englishIsTaggedEnglish() {
        assertThat(TestRules.classifier().classify("my toilet is clogged", OPEN, 0).language()).isEqualTo("en");
    }
}
