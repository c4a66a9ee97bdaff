package com.plumbline.intake.ops;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutesRequiredTest {

    @Test
    void aContextWithoutRoutesStopsTheStartAndSaysWhereItLooked() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            assertThatThrownBy(() -> new RoutesRequired(camel, "no-such-folder").check())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no-such-folder/*.camel.yaml")
                    .hasMessageContaining("INTAKE_ROUTES_DIR");
        }
    }

    @Test
    void aContextWithRoutesStarts() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").id("in").log("in");
                }
            });
            camel.start();
            assertThatCode(() -> new RoutesRequired(camel, "routes").check()).doesNotThrowAnyException();
        }
    }
}
