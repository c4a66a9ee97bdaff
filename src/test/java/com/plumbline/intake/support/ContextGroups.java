package com.plumbline.intake.support;

import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;

/**
 * Runs the test classes of one Spring application context one after another, the groups in the
 * order their first class comes in the run order (alphabetical, or -Dsurefire.runOrder=random).
 * With spring.test.context.cache.maxSize=1 (spring.properties) each context is closed as soon as
 * its last class is done, so its pollers, PostgreSQL and Artemis stop taking the CPU from the
 * tests that follow, and no context has to be started twice. The group of a class is Spring's own
 * cache key (its merged context configuration, @DynamicPropertySource methods included).
 */
public class ContextGroups implements ClassOrderer {

    private static final Object NO_SPRING_CONTEXT = new Object();

    @Override
    public void orderClasses(ClassOrdererContext context) {
        Map<Object, Integer> groups = new HashMap<>();
        Map<ClassDescriptor, Integer> groupOf = new IdentityHashMap<>();
        List<? extends ClassDescriptor> classes = context.getClassDescriptors();
        for (ClassDescriptor test : classes) {
            Object key = contextOf(test.getTestClass());
            groupOf.put(test, groups.computeIfAbsent(key, first -> groups.size()));
        }
        // a stable sort: within a group the classes keep the run order
        classes.sort(Comparator.comparingInt(groupOf::get));
    }

    private static Object contextOf(Class<?> testClass) {
        if (!AnnotatedElementUtils.hasAnnotation(testClass, BootstrapWith.class)) {
            return NO_SPRING_CONTEXT;
        }
        try {
            return BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
        } catch (RuntimeException unresolvable) {
            // Spring reports it when the class runs; here it only stays in its place
            return testClass;
        }
    }
}
