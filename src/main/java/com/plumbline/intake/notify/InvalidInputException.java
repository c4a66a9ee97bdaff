package com.plumbline.intake.notify;

/** Input refused with a message naming the field and the problem (answered 400). */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
