package com.example.shop.catalog.rest;

import com.example.shop.common.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The writable fields of a category; {@code version} is optional (see If-Match). */
public record CategoryRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens") String slug,
        Long parentId,
        Long version) {
}
