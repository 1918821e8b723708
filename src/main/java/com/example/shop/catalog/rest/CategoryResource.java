package com.example.shop.catalog.rest;

import com.example.shop.catalog.Category;
import com.example.shop.catalog.repository.CategoryStats;
import com.example.shop.catalog.service.CategoryService;
import com.example.shop.common.Page;
import com.example.shop.common.Responses;
import com.example.shop.account.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** HTTP mapping of the category tree. */
@Path("/api/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Categories")
public class CategoryResource {

    private final CategoryService service;

    public CategoryResource(CategoryService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(summary = "List all categories", description = "The whole tree, flat, ordered by name; next is always null.")
    public Uni<Page<CategoryResponse>> list() {
        return service.listAll().map(all -> new Page<>(all.stream().map(CategoryResponse::from).toList(), null));
    }

    @GET
    @Path("stats")
    @PermitAll
    @Operation(summary = "Product counts per category", description = "Counts include all subcategories.")
    public Uni<List<CategoryStats>> stats() {
        return service.stats();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "Get a category", description = "The ETag header carries the version for If-Match.")
    public Uni<RestResponse<CategoryResponse>> get(@RestPath long id) {
        return service.get(id).map(CategoryResource::ok);
    }

    @POST
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Create a category",
            description = "slug is derived from name when absent; a taken slug is a 409; an unknown parentId is a 422.")
    public Uni<RestResponse<CategoryResponse>> create(@Valid @NotNull CategoryRequest request) {
        return service.create(request)
                .map(category -> Responses.created("/api/categories/" + category.id, CategoryResponse.from(category), category.version));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Replace a category",
            description = "An absent slug keeps the current one. Moving a category below itself or its descendants "
                    + "is a 422. If-Match mismatch is a 412; a stale body version without If-Match is a 409.")
    public Uni<RestResponse<CategoryResponse>> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
                                                      @Valid @NotNull CategoryRequest request) {
        return service.update(id, request, ifMatch).map(CategoryResource::ok);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Delete a category", description = "409 while it has products or subcategories.")
    public Uni<RestResponse<Void>> delete(@RestPath long id) {
        return service.delete(id).map(nothing -> RestResponse.noContent());
    }

    private static RestResponse<CategoryResponse> ok(Category category) {
        return Responses.ok(CategoryResponse.from(category), category.version);
    }
}
