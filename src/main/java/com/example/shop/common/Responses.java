package com.example.shop.common;

import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** Response shapes shared by the resources: versioned reads carry an ETag, creations a Location. */
public final class Responses {

    private Responses() {
    }

    public static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(Versions.etag(version)).build();
    }

    public static <T> RestResponse<T> created(String location, T body, Long version) {
        RestResponse.ResponseBuilder<T> builder = RestResponse.ResponseBuilder.<T>created(URI.create(location))
                .entity(body);
        if (version != null) {
            builder.tag(Versions.etag(version));
        }
        return builder.build();
    }
}
