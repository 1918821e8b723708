package com.example.shop.catalog.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.example.shop.common.Slugs;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * The writable fields of a product. Read-only fields a client may send (averageRating, reviewCount,
 * createdAt, updatedAt, id) are not part of it and so are ignored; {@code version} only guards updates.
 */
@RegisterForReflection
public record ProductRequest(
        @NotBlank @Size(max = 64) String sku,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens") String slug,
        @Size(max = 10_000) String description,
        @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
        @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal salePrice,
        @Min(0) Integer stock,
        @Min(0) Integer reorderLevel,
        Boolean active,
        @NotNull Long categoryId,
        Long version) {
}
