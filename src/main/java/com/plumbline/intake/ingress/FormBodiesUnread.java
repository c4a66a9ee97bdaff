package com.plumbline.intake.ingress;

import java.lang.reflect.Field;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumerAware;
import org.apache.camel.http.common.DefaultHttpBinding;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * camel-platform-http (Spring Boot) decodes every form POST into Camel headers before the route
 * runs: the Twilio body would be read and parsed before its signature header is looked at, and a
 * malformed escape ({@code From=%2}) fails there, as a 500 with a stack trace. The webhook beans
 * parse the form themselves (FormBody) after the headers are checked, so each platform-http
 * consumer's binding is told not to. The binding has no endpoint option for it, hence reflection.
 */
@Component
public class FormBodiesUnread implements RoutePolicyFactory, CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(FormBodiesUnread.class);
    private static final String CONSUMER = "org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer";

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new RoutePolicySupport() {
            @Override
            public void onInit(Route route) {
                leaveFormBodiesUnread(route.getConsumer());
            }

            @Override
            public void onStart(Route route) {
                leaveFormBodiesUnread(route.getConsumer());
            }
        };
    }

    /** Registered here rather than found in the registry: it must apply to every route, reloaded ones too. */
    @Override
    public void beforeApplicationStart(CamelContext camel) {
        if (!camel.getRoutePolicyFactories().contains(this)) {
            camel.addRoutePolicyFactory(this);
        }
    }

    /** The routes started before the factory could see them. */
    @Override
    public void afterApplicationStart(CamelContext camel) {
        camel.getRoutes().forEach(route -> leaveFormBodiesUnread(route.getConsumer()));
    }

    static void leaveFormBodiesUnread(Object consumer) {
        if (consumer instanceof PlatformHttpConsumerAware aware) {
            consumer = aware.getPlatformHttpConsumer(); // the engine's consumer, behind platform-http's own
        }
        if (!(consumer instanceof Consumer engineConsumer) || !CONSUMER.equals(consumer.getClass().getName())) {
            return;
        }
        LOG.debug("Form bodies left unread by {}", engineConsumer.getEndpoint().getEndpointUri());
        try {
            Field field = consumer.getClass().getDeclaredField("binding");
            field.setAccessible(true);
            if (field.get(consumer) instanceof DefaultHttpBinding binding) {
                binding.setMapHttpMessageFormUrlEncodedBody(false);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot stop platform-http from decoding form bodies ({}): a malformed form is then a 500", e.toString());
        }
    }
}
