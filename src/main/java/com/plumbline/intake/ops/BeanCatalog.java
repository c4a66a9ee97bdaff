package com.plumbline.intake.ops;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The application's bean names and their classes, read from the classpath without starting
 * Spring: {@code @Component}s (and {@code @Service}, {@code @Configuration}, ...) of the package,
 * named as Spring names them, plus the {@code @Bean} methods of its {@code @Configuration}s (typed
 * by their return type). Beans that only Spring Boot's auto-configuration defines are not known.
 */
public final class BeanCatalog {

    public static final String APPLICATION_PACKAGE = "com.plumbline.intake";

    private final Map<String, Class<?>> types;

    private BeanCatalog(Map<String, Class<?>> types) {
        this.types = types;
    }

    public static BeanCatalog scan(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        ClassLoader loader = ClassUtils.getDefaultClassLoader();
        SimpleBeanDefinitionRegistry noRegistry = new SimpleBeanDefinitionRegistry();
        Map<String, Class<?>> types = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, noRegistry);
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), loader);
            types.put(name, type);
            if (((AnnotatedBeanDefinition) candidate).getMetadata().hasAnnotation(Configuration.class.getName())) {
                addBeanMethods(type, types);
            }
        }
        return new BeanCatalog(types);
    }

    private static void addBeanMethods(Class<?> configuration, Map<String, Class<?>> types) {
        for (Method method : configuration.getDeclaredMethods()) {
            Bean bean = method.getAnnotation(Bean.class);
            if (bean != null) {
                // name and value are aliases, which plain reflection does not merge
                String[] names = bean.name().length > 0 ? bean.name() : bean.value();
                String name = names.length > 0 ? names[0] : method.getName();
                types.put(name, method.getReturnType());
            }
        }
    }

    public Optional<Class<?>> typeOf(String beanName) {
        return Optional.ofNullable(types.get(beanName));
    }

    public Map<String, Class<?>> types() {
        return Map.copyOf(types);
    }
}
