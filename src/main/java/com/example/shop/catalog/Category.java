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
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** A node of the category tree (parent null = root). */
@Entity
@Table(name = "category")
public class Category extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "category_id_seq")
    @SequenceGenerator(name = "category_id_seq", sequenceName = "category_id_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 200)
    public String slug;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Category parent;

    /** Read-only view of parent_id, so the id is available without loading the parent. */
    @Column(name = "parent_id", insertable = false, updatable = false)
    public Long parentId;

    @OneToMany(mappedBy = "parent")
    public List<Category> children = new ArrayList<>();

    /** Sets the parent and its read-only id mirror together (null makes this a root). */
    public void assignParent(Category newParent) {
        parent = newParent;
        parentId = newParent == null ? null : newParent.id;
    }
}
