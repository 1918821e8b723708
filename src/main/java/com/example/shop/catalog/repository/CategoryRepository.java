package com.example.shop.catalog.repository;

import com.example.shop.catalog.Category;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Queries over the category tree. */
@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, Long> {

    /** The advisory lock key that guards moves in the category tree (any constant unique to this purpose). */
    private static final long TREE_LOCK = 0x5ca7e6041L;

    /**
     * The ids of a category and of all its descendants, as a recursive CTE to embed in other native
     * queries; it expects a parameter named {@code :category}. UNION (not UNION ALL) ends the recursion
     * even on a cycle, so a corrupt tree can never make a query loop until its timeout.
     */
    public static final String SUBTREE_IDS_SQL = """
            WITH RECURSIVE subtree(id) AS (
                SELECT id FROM category WHERE id = :category
                UNION
                SELECT c.id FROM category c JOIN subtree s ON c.parent_id = s.id)
            SELECT id FROM subtree""";

    private static final String STATS_SQL = """
            WITH RECURSIVE tree(ancestor_id, id) AS (
                SELECT id, id FROM category
                UNION
                SELECT t.ancestor_id, c.id FROM category c JOIN tree t ON c.parent_id = t.id)
            SELECT c.id, c.name, count(p.id), count(p.id) FILTER (WHERE p.active)
            FROM category c
            JOIN tree t ON t.ancestor_id = c.id
            LEFT JOIN product p ON p.category_id = t.id
            GROUP BY c.id, c.name
            ORDER BY c.name, c.id""";

    public Uni<List<Category>> listAll() {
        return list("order by name, id");
    }

    /** Django's annotate(Count(...)) over a tree: one statement, counted in the database. */
    public Uni<List<CategoryStats>> stats() {
        return getSession()
                .chain(session -> session.createNativeQuery(STATS_SQL, Object[].class).getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new CategoryStats(((Number) row[0]).longValue(), (String) row[1],
                                ((Number) row[2]).longValue(), ((Number) row[3]).longValue()))
                        .toList());
    }

    /**
     * Serializes changes of the tree's shape: two concurrent moves (A under B, B under A) would each pass
     * the cycle check alone. A transaction-scoped advisory lock, released at commit or rollback.
     */
    public Uni<Void> lockTree() {
        return getSession()
                .chain(session -> session.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)", Integer.class)
                        .setParameter("key", TREE_LOCK)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** Whether {@code candidateId} is {@code rootId} or lies below it: moving root under it would close a cycle. */
    public Uni<Boolean> isInSubtree(long rootId, long candidateId) {
        return getSession()
                .chain(session -> session
                        .createNativeQuery("SELECT count(*) FROM (" + SUBTREE_IDS_SQL + ") s WHERE s.id = :candidate",
                                Long.class)
                        .setParameter("category", rootId)
                        .setParameter("candidate", candidateId)
                        .getSingleResult())
                .map(count -> count > 0);
    }
}
