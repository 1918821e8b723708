package com.example.shop.catalog;

import com.example.shop.common.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/**
 * A sellable item with its price, stock and denormalized rating. Basic fields have no initializers: with
 * Hibernate's bytecode enhancement an initializer marks the field dirty on every load.
 */
@Entity
@Table(name = "product")
public class Product extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_id_seq")
    @SequenceGenerator(name = "product_id_seq", sequenceName = "product_id_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = 64)
    public String sku;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 200)
    public String slug;

    public String description;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal price;

    @Column(name = "sale_price", precision = 12, scale = 2)
    public BigDecimal salePrice;

    @Column(nullable = false)
    public int stock;

    @Column(name = "reorder_level", nullable = false)
    public int reorderLevel;

    @Column(nullable = false)
    public boolean active;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id", nullable = false)
    public Category category;

    /** Read-only view of category_id, so the id is available without loading the category. */
    @Column(name = "category_id", insertable = false, updatable = false)
    public Long categoryId;

    /** Maintained by atomic SQL when reviews change; never written through the entity. */
    @Column(name = "rating_sum", insertable = false, updatable = false)
    public long ratingSum;

    @Column(name = "rating_count", insertable = false, updatable = false)
    public int ratingCount;

    /** Computed by PostgreSQL (a generated column): rating_sum / rating_count rounded to 2 decimals. */
    @Column(name = "average_rating", insertable = false, updatable = false, precision = 3, scale = 2)
    public BigDecimal averageRating;

    /** Sets the category and its read-only id mirror together. */
    public void assignCategory(Category newCategory) {
        category = newCategory;
        categoryId = newCategory.id;
    }

    /** The price a customer pays now: the sale price when set. */
    public BigDecimal effectivePrice() {
        return salePrice != null ? salePrice : price;
    }
}
