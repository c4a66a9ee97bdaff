package com.plumbline.intake.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import com.plumbline.intake.support.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator reads bean names from the classpath ({@link BeanCatalog}) so that it runs without
 * Spring; the running service must agree: every bean the routes name exists in the context, with a
 * class the catalog's type covers (so the catalog's method check looks at the right class).
 */
class BeanCatalogTest extends IntakeIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void theCatalogKnowsEveryBeanOfTheRoutesAsTheServiceDefinesIt() throws IOException {
        BeanCatalog catalog = BeanCatalog.scan(BeanCatalog.APPLICATION_PACKAGE);
        Set<String> beans = new TreeSet<>();
        for (Path file : RouteValidator.routeFiles(Path.of("routes"))) {
            BeanReferences.in(Files.readString(file)).forEach(reference -> beans.add(reference.bean()));
        }

        assertThat(beans).isNotEmpty().allSatisfy(bean -> {
            assertThat(context.containsBean(bean)).as("the service defines " + bean).isTrue();
            assertThat(catalog.typeOf(bean)).as(bean).hasValueSatisfying(type ->
                    assertThat(type).isAssignableFrom(context.getType(bean)));
        });
    }
}
