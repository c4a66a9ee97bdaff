package com.plumbline.intake.notify;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The dashboards connected to /ws/dashboard right now, from the WebSocket server's open and close
 * events (route {@code dashboard-socket}), so a broadcast can record whether anyone saw it.
 */
@Component("dashboardClients")
public class DashboardClients {

    private final Set<String> connected = ConcurrentHashMap.newKeySet();

    public void event(@Header("CamelVertxWebsocket.event") Object event,
                      @Header("CamelVertxWebsocket.connectionKey") String connectionKey) {
        if (event == null || connectionKey == null) {
            return;
        }
        switch (event.toString()) {
            case "OPEN" -> connected.add(connectionKey);
            case "CLOSE", "ERROR" -> connected.remove(connectionKey);
            default -> {
                // a message from a dashboard: nothing to count
            }
        }
    }

    public int count() {
        return connected.size();
    }
}
