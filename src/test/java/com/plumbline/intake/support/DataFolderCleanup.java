package com.plumbline.intake.support;

import java.nio.file.Path;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Deletes a test context's data folder ({@code intake.data-dir}: the embedded broker's journal) when
 * the context closes. Registered before any bean exists, so it is the last to be destroyed: after
 * the broker has stopped. Without it every context of every run left its folder in the temp
 * directory, and after some hundred runs the disk passed Artemis's max-disk-usage (90 %), where the
 * broker blocks every producer and the suite fails.
 */
public class DataFolderCleanup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(beanFactory -> {
            Path folder = Path.of(context.getEnvironment().getRequiredProperty("intake.data-dir"));
            ((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean("intakeTestDataFolderCleanup",
                    () -> FileSystemUtils.deleteRecursively(folder));
        });
    }
}
