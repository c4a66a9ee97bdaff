package com.plumbline.intake.ops;

/**
 * One thing wrong with a route file, where an integrator can find it.
 *
 * @param file    the file name as given (e.g. routes/ingress.camel.yaml)
 * @param line    1-based line, 0 when the problem belongs to no single line
 * @param message what is wrong, in Camel's words where Camel found it
 */
public record RouteProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
