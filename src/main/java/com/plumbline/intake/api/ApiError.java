package com.plumbline.intake.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The one error shape of every API: {@code {"error": "...", "message": "..."}}. */
public record ApiError(String error, String message) {

    public static ResponseEntity<ApiError> of(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).body(new ApiError(error, message));
    }
}
