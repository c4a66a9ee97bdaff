package com.plumbline.intake.bench.load;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The load tools of bench/run.sh, one JVM each: {@code java -cp benchmarks.jar
 * com.plumbline.intake.bench.load.Bench <tool> --option value ...}. Every tool prints its figures as
 * {@code key=value} lines for run.sh.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("tool: receiver, standin, load, drain, emergency, boards");
        }
        // the JDK's HttpServer (the receiver, the Twilio stand-in) writes a response's headers and body apart; with
        // Nagle's algorithm on, the body then waits for the client's delayed ACK, about 40 ms a response
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "receiver" -> Receiver.run(options);
            case "standin" -> TwilioApiStandIn.run(options);
            case "load" -> LoadGenerator.run(options);
            case "drain" -> DrainWatch.run(options);
            case "emergency" -> EmergencyLatency.run(options);
            case "boards" -> BoardConnections.run(options);
            default -> throw new IllegalArgumentException("unknown tool " + args[0]);
        }
    }

    /** {@code --name value} pairs. */
    record Options(Map<String, String> values) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            return new Options(values);
        }

        String get(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        String get(String name, String otherwise) {
            return values.getOrDefault(name, otherwise);
        }

        int number(String name, int otherwise) {
            return Integer.parseInt(get(name, Integer.toString(otherwise)));
        }
    }

    /** The value at quantile q (0..1) of sorted values, nearest rank. */
    static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
