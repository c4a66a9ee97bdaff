package com.plumbline.intake.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client on the dashboard endpoint, keeping every text frame it receives.
 * {@link #loggedIn} sends the access token first, as the board does, and waits until it is accepted.
 */
public final class DashboardSocket implements AutoCloseable {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    public DashboardSocket(String url) {
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(url), new WebSocket.Listener() {
                        private final StringBuilder partial = new StringBuilder();

                        @Override
                        public void onError(WebSocket webSocket, Throwable error) {
                            received.add("ERROR " + error);
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int status, String reason) {
                            received.add("CLOSED " + status + " " + reason);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
                            received.add(java.nio.charset.StandardCharsets.UTF_8.decode(data).toString());
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                received.add(partial.toString());
                                partial.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to " + url, e);
        }
    }

    /** Connects and authenticates with an access token; returns once the server welcomed it. */
    public static DashboardSocket loggedIn(String url, String token) {
        DashboardSocket socket = new DashboardSocket(url);
        socket.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (socket.received().stream().noneMatch(m -> m.contains("\"welcome\""))) {
            if (System.nanoTime() > deadline) {
                socket.close();
                throw new IllegalStateException("no welcome from the dashboard socket: " + socket.received());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return socket;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The frames received whose JSON {@code type} is this one, in order. */
    public List<String> ofType(String type) {
        return received.stream().filter(m -> m.contains("\"type\":\"" + type + "\"")).toList();
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
