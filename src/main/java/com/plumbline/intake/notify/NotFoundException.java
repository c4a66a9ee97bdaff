package com.plumbline.intake.notify;

/** No such staff member or notification (answered 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
