package com.plumbline.intake.ops;

import org.apache.camel.model.ModelLifecycleStrategy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.springframework.stereotype.Component;

/**
 * Camel fills a route template's parameters into the route's steps and endpoints, but not into
 * its description: without this, every webhook route would show "{{description}}" in Hawtio and
 * JMX. Applied to each route made from a template, at start and on every reload.
 */
@Component
public class TemplatedRouteDescriptions implements ModelLifecycleStrategy {

    @Override
    public void onAddRouteDefinition(RouteDefinition route) {
        String description = route.getDescriptionText();
        if (description != null && description.contains("{{") && route.getTemplateParameters() != null) {
            route.setDescription(RouteValidator.resolved(route, description));
        }
    }

    @Override
    public void onAddRouteTemplateDefinition(RouteTemplateDefinition template) {
    }

    @Override
    public void onRemoveRouteDefinition(RouteDefinition route) {
    }

    @Override
    public void onRemoveRouteTemplateDefinition(RouteTemplateDefinition template) {
    }
}
