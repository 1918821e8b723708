package com.example.shop.review.service;

import com.example.shop.account.Caller;
import com.example.shop.catalog.Product;
import com.example.shop.catalog.repository.ProductRepository;
import com.example.shop.common.Cursor;
import com.example.shop.common.Page;
import com.example.shop.common.ProblemException;
import com.example.shop.common.Versions;
import com.example.shop.customer.Customer;
import com.example.shop.customer.repository.CustomerRepository;
import com.example.shop.review.Review;
import com.example.shop.review.repository.ReviewRepository;
import com.example.shop.review.rest.ReviewRequest;
import com.example.shop.review.rest.ReviewUpdate;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Function;

/**
 * Review use cases. Each change to a review and the matching change to its product's rating sum and count
 * happen in one transaction; the rating is adjusted by atomic SQL, and the review's version guards edits
 * and deletes, so concurrent reviews, edits and deletes keep the average exact.
 */
@ApplicationScoped
public class ReviewService {

    private static final String CURSOR_SORT = "reviews";

    private final ReviewRepository reviews;
    private final ProductRepository products;
    private final CustomerRepository customers;

    public ReviewService(ReviewRepository reviews, ProductRepository products, CustomerRepository customers) {
        this.reviews = reviews;
        this.products = products;
        this.customers = customers;
    }

    @WithSession
    public Uni<Review> get(long id) {
        return reviews.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("review", id));
    }

    /** A product's reviews, newest first; an unknown product is a 404. */
    @WithSession
    public Uni<Page<Review>> forProduct(long productId, String after, int limit) {
        Cursor cursor = Cursor.decode(after, CURSOR_SORT);
        return product(productId)
                .chain(() -> reviews.pageForProduct(productId, cursor, limit + 1))
                .map(rows -> Page.of(rows, limit, Function.identity(),
                        r -> new Cursor(CURSOR_SORT, r.createdAt.toString(), r.id).encode()));
    }

    /** One review per customer and product (409, unique index); only a verified buyer may review (422). */
    @WithTransaction
    public Uni<Review> create(long productId, ReviewRequest request, Caller caller) {
        long authorId = caller.actingFor(request.customerId());
        return product(productId).chain(product -> author(authorId)
                .call(author -> reviews.isVerifiedBuyer(author.id, productId).invoke(verified -> {
                    if (!verified) {
                        throw ProblemException.unprocessable("customerId", "customer " + author.id
                                + " has no order with product " + productId + " and may not review it");
                    }
                }))
                .chain(author -> {
                    Review review = new Review();
                    review.assign(product, author);
                    apply(review, request.rating(), request.title(), request.body());
                    return reviews.persistAndFlush(review);
                }))
                .call(review -> reviews.adjustRating(productId, review.rating, 1));
    }

    @WithTransaction
    public Uni<Review> update(long id, ReviewUpdate request, String ifMatch, Caller caller) {
        return get(id)
                .invoke(review -> checkAuthor(review, caller))
                .invoke(review -> Versions.check(review.version, ifMatch, request.version()))
                .call(review -> reviews.adjustRating(review.productId, request.rating() - review.rating, 0))
                .invoke(review -> apply(review, request.rating(), request.title(), request.body()))
                .call(reviews::flush);
    }

    @WithTransaction
    public Uni<Void> delete(long id, Caller caller) {
        return get(id)
                .invoke(review -> checkAuthor(review, caller))
                .call(review -> reviews.adjustRating(review.productId, -review.rating, -1))
                .call(review -> reviews.delete(review).call(reviews::flush))
                .replaceWithVoid();
    }

    /** Reviews are public, so another customer's review is a 403 (not a 404): only its author or staff change it. */
    private static void checkAuthor(Review review, Caller caller) {
        if (!caller.owns(review.customerId)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only the author or staff may change a review", null);
        }
    }

    private Uni<Product> product(long productId) {
        return products.findById(productId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("product", productId));
    }

    private Uni<Customer> author(long customerId) {
        return customers.findById(customerId).onItem().ifNull()
                .failWith(() -> ProblemException.unprocessable("customerId", "customer " + customerId + " does not exist"));
    }

    private static void apply(Review review, int rating, String title, String body) {
        review.rating = (short) rating;
        review.title = title;
        review.body = body;
    }
}
