package com.plumbline.intake.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Ports for the servers a test starts (the service, its PostgreSQL, broker, stand-ins). */
public final class FreePorts {

    /**
     * Every port handed out in this JVM: a port is free until its server binds it, seconds later, and the
     * IT cases run side by side; two of them drawing the same free port failed a build ("Port ... was already in use").
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /**
     * A free port below Linux's ephemeral range (32768-60999): a server may take minutes to bind it
     * on a loaded machine, and a port the kernel hands out for outgoing connections can be taken by
     * another process's connection meanwhile ("Port ... was already in use").
     */
    public static int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20000 + ThreadLocalRandom.current().nextInt(12000);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port in 20000-31999"));
    }
}
