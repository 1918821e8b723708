package com.example.shop.catalog.rest;

import com.example.shop.catalog.Product;
import com.example.shop.catalog.repository.ProductFilter;
import com.example.shop.catalog.repository.ProductSort;
import com.example.shop.catalog.service.ProductService;
import com.example.shop.common.Page;
import com.example.shop.common.QueryParams;
import com.example.shop.common.Responses;
import com.example.shop.account.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** HTTP mapping of the product catalog. */
@Path("/api/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class ProductResource {

    private final ProductService service;

    public ProductResource(ProductService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(summary = "List products",
            description = "Filters combine with AND. category includes subcategories; minPrice/maxPrice and the "
                    + "price sort use the effective price (salePrice when set); active defaults to true. "
                    + "sort is one of name,-name,price,-price,createdAt,-createdAt,rating,-rating (default name, "
                    + "ties broken by id; unrated products sort as rating 0). Keyset pagination: pass `next` as "
                    + "`after`; limit defaults to 20 and is capped at 100.")
    public Uni<Page<ProductResponse>> list(@RestQuery String category, @RestQuery String inStock,
                                           @RestQuery String onSale, @RestQuery String q,
                                           @RestQuery String minPrice, @RestQuery String maxPrice,
                                           @RestQuery String active, @RestQuery String sort,
                                           @RestQuery String limit, @RestQuery String after) {
        Boolean activeOnly = QueryParams.toBoolean("active", active);
        ProductFilter filter = new ProductFilter(
                QueryParams.toLong("category", category),
                QueryParams.toBoolean("inStock", inStock),
                QueryParams.toBoolean("onSale", onSale),
                q == null || q.isBlank() ? null : q.trim(),
                QueryParams.toDecimal("minPrice", minPrice),
                QueryParams.toDecimal("maxPrice", maxPrice),
                activeOnly == null ? Boolean.TRUE : activeOnly);
        return service.search(filter, ProductSort.fromParam(sort), after, Page.limit(limit))
                .map(page -> page.map(ProductResponse::from));
    }

    @GET
    @Path("low-stock")
    @PermitAll
    @Operation(summary = "Products to reorder",
            description = "Active products with stock below their reorder level, lowest stock first; "
                    + "category includes subcategories. Paginated like the product list.")
    public Uni<Page<ProductResponse>> lowStock(@RestQuery String category, @RestQuery String limit,
                                               @RestQuery String after) {
        return service.lowStock(QueryParams.toLong("category", category), after, Page.limit(limit))
                .map(page -> page.map(ProductResponse::from));
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "Get a product", description = "The ETag header carries the version for If-Match.")
    public Uni<RestResponse<ProductResponse>> get(@RestPath long id) {
        return service.get(id).map(ProductResource::ok);
    }

    @POST
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Create a product",
            description = "slug is derived from name and sku when absent; sku and slug are unique (409). "
                    + "salePrice must be below price. An unknown categoryId is a 422.")
    public Uni<RestResponse<ProductResponse>> create(@Valid @NotNull ProductRequest request) {
        return service.create(request)
                .map(product -> Responses.created("/api/products/" + product.id, ProductResponse.from(product), product.version));
    }

    @POST
    @Path("bulk")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Create up to 1000 products at once",
            description = "All or nothing: one invalid, duplicate or unknown-category item rejects the whole request.")
    public Uni<RestResponse<Page<ProductResponse>>> createAll(
            @NotNull @NotEmpty @Size(max = 1000) List<@Valid @NotNull ProductRequest> requests) {
        return service.createAll(requests).map(products -> Responses.created("/api/products",
                new Page<>(products.stream().map(ProductResponse::from).toList(), null), null));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Replace a product",
            description = "If-Match with the ETag guards against lost updates (412 on mismatch); without it a stale "
                    + "version in the body is a 409. Absent stock, reorderLevel, active and slug keep their values.")
    public Uni<RestResponse<ProductResponse>> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
                                                     @Valid @NotNull ProductRequest request) {
        return service.update(id, request, ifMatch).map(ProductResource::ok);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Delete a product",
            description = "409 while orders reference it: deactivate it instead (active=false).")
    public Uni<RestResponse<Void>> delete(@RestPath long id) {
        return service.delete(id).map(nothing -> RestResponse.noContent());
    }

    @POST
    @Path("{id}/stock")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Adjust stock atomically",
            description = "stock = stock + delta in one SQL statement; a result below zero is a 409 and changes nothing.")
    public Uni<RestResponse<ProductResponse>> adjustStock(@RestPath long id, @Valid @NotNull StockAdjustment adjustment) {
        return service.adjustStock(id, adjustment.delta()).map(ProductResource::ok);
    }

    private static RestResponse<ProductResponse> ok(Product product) {
        return Responses.ok(ProductResponse.from(product), product.version);
    }
}
