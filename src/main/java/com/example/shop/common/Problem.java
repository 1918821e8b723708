package com.example.shop.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** The RFC 9457 problem body every error response carries. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail,
                      List<ProblemException.FieldError> errors, List<?> lines) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://shop.example/problems/";

    public static Problem of(int status, String code, String title, String detail,
                             List<ProblemException.FieldError> errors, List<?> lines) {
        return new Problem(TYPE_BASE + code, title, status, detail,
                errors == null || errors.isEmpty() ? null : errors, lines);
    }
}
