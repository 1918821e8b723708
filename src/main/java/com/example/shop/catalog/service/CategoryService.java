package com.example.shop.catalog.service;

import com.example.shop.catalog.Category;
import com.example.shop.catalog.repository.CategoryRepository;
import com.example.shop.catalog.repository.CategoryStats;
import com.example.shop.catalog.rest.CategoryRequest;
import com.example.shop.common.ProblemException;
import com.example.shop.common.Slugs;
import com.example.shop.common.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Category use cases; each write is one transaction. */
@ApplicationScoped
public class CategoryService {

    private final CategoryRepository categories;

    public CategoryService(CategoryRepository categories) {
        this.categories = categories;
    }

    @WithSession
    public Uni<List<Category>> listAll() {
        return categories.listAll();
    }

    @WithSession
    public Uni<Category> get(long id) {
        return categories.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("category", id));
    }

    @WithSession
    public Uni<List<CategoryStats>> stats() {
        return categories.stats();
    }

    @WithTransaction
    public Uni<Category> create(CategoryRequest request) {
        return parentOf(request).chain(parent -> {
            Category category = new Category();
            apply(category, request, parent);
            return categories.persist(category);
        });
    }

    @WithTransaction
    public Uni<Category> update(long id, CategoryRequest request, String ifMatch) {
        return get(id)
                .invoke(category -> Versions.check(category.version, ifMatch, request.version()))
                .call(category -> rejectCycle(id, request.parentId()))
                .chain(category -> parentOf(request).map(parent -> {
                    apply(category, request, parent);
                    return category;
                }));
    }

    /** Deletes a category; the foreign keys answer 409 while it still has products or children. */
    @WithTransaction
    public Uni<Void> delete(long id) {
        return get(id).call(categories::delete).replaceWithVoid();
    }

    private static void apply(Category category, CategoryRequest request, Category parent) {
        category.name = request.name().trim();
        if (request.slug() != null) {
            category.slug = request.slug();
        } else if (category.slug == null) {
            category.slug = Slugs.derive(category.name);
        }
        category.assignParent(parent);
    }

    private Uni<Category> parentOf(CategoryRequest request) {
        if (request.parentId() == null) {
            return Uni.createFrom().nullItem();
        }
        return categories.findById(request.parentId())
                .onItem().ifNull().failWith(() -> ProblemException.unprocessable("parentId",
                        "category " + request.parentId() + " does not exist"));
    }

    private Uni<Void> rejectCycle(long id, Long parentId) {
        if (parentId == null) {
            return Uni.createFrom().voidItem();
        }
        return categories.lockTree().chain(() -> categories.isInSubtree(id, parentId)).invoke(cycle -> {
            if (cycle) {
                throw ProblemException.unprocessable("parentId",
                        "category " + parentId + " is this category or one of its descendants");
            }
        }).replaceWithVoid();
    }
}
