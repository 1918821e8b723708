package com.example.shop.order.service;

import com.example.shop.account.Caller;
import com.example.shop.common.Cursor;
import com.example.shop.common.Page;
import com.example.shop.common.ProblemException;
import com.example.shop.common.Timestamps;
import com.example.shop.common.Versions;
import com.example.shop.customer.repository.CustomerRepository;
import com.example.shop.order.Order;
import com.example.shop.order.OrderItem;
import com.example.shop.order.OrderStatus;
import com.example.shop.order.repository.OrderItemRepository;
import com.example.shop.order.repository.OrderLine;
import com.example.shop.order.repository.OrderRepository;
import com.example.shop.order.repository.PricedLine;
import com.example.shop.order.repository.ProductAvailability;
import com.example.shop.order.repository.ReservedLine;
import com.example.shop.order.rest.OrderLineRequest;
import com.example.shop.order.rest.PlaceOrderRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Order placement and lifecycle; each use case is one transaction. */
@ApplicationScoped
public class OrderService {

    private static final String CURSOR_SORT = "orders";
    /** NUMERIC(12,2): the largest total (and so line total) an order can store. */
    private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999.99");

    private final OrderRepository orders;
    private final OrderItemRepository orderItems;
    private final CustomerRepository customers;

    public OrderService(OrderRepository orders, OrderItemRepository orderItems, CustomerRepository customers) {
        this.orders = orders;
        this.orderItems = orderItems;
        this.customers = customers;
    }

    /** The placed (or replayed) order, and whether it is a replay of an earlier request with the same key. */
    public record Placement(Order order, boolean replayed) {
    }

    /**
     * Django's transaction.atomic around select_for_update and F() updates: the idempotency key is claimed
     * first (concurrent duplicates wait for it, then replay), then stock is reserved for all lines, then the
     * order is written. Any failure rolls everything back.
     */
    @WithTransaction
    public Uni<Placement> place(PlaceOrderRequest body, String idempotencyKey, Caller caller) {
        PlaceOrderRequest request = new PlaceOrderRequest(caller.actingFor(body.customerId()), body.items());
        List<OrderLine> lines = merge(request.items());
        long customerId = request.customerId();
        if (idempotencyKey == null) {
            return placeNew(request, lines, null).map(order -> new Placement(order, false));
        }
        // the key is scoped to its customer: another customer's key of the same text is another key
        String key = customerId + ":" + idempotencyKey;
        String fingerprint = fingerprint(customerId, lines);
        return orders.claimKey(key, fingerprint).chain(claimed -> claimed
                ? placeNew(request, lines, key).map(order -> new Placement(order, false))
                : replay(key, fingerprint).map(order -> new Placement(order, true)));
    }

    /** An order the caller may see: its own, or any for staff; another customer's order is a 404. */
    @WithSession
    public Uni<Order> get(long id, Caller caller) {
        return orders.findWithItems(id)
                .invoke(order -> {
                    if (order == null || !caller.owns(order.customerId)) {
                        throw ProblemException.notFound("order", id);
                    }
                });
    }

    /** A customer's orders, newest first; an unknown customer (or another customer's id) is a 404. */
    @WithSession
    public Uni<Page<Order>> forCustomer(long customerId, String after, int limit, Caller caller) {
        Cursor cursor = Cursor.decode(after, CURSOR_SORT);
        if (!caller.owns(customerId)) {
            return Uni.createFrom().failure(ProblemException.notFound("customer", customerId));
        }
        return customers.count("id", customerId)
                .invoke(count -> {
                    if (count == 0) {
                        throw ProblemException.notFound("customer", customerId);
                    }
                })
                .chain(() -> orders.pageForCustomer(customerId, cursor, limit + 1))
                .map(rows -> Page.of(rows, limit, Function.identity(),
                        o -> new Cursor(CURSOR_SORT, o.createdAt.toString(), o.id).encode()));
    }

    /** Moves an order along its lifecycle; cancelling gives the stock back in the same transaction. */
    @WithTransaction
    public Uni<Order> move(long id, OrderStatus to, String ifMatch, Caller caller) {
        Long expectedVersion = Versions.expected(ifMatch);
        return checkOwner(id, caller).chain(() -> orders.transition(id, to, expectedVersion))
                .call(changed -> changed == 0 ? explainRefusedMove(id, to, expectedVersion, ifMatch)
                        : to == OrderStatus.CANCELLED ? orderItems.restock(id) : Uni.createFrom().voidItem())
                .chain(() -> orders.findWithItems(id));
    }

    /** Staff may move any order; a customer only its own (another's is a 404). */
    private Uni<Void> checkOwner(long id, Caller caller) {
        if (caller.staff()) {
            return Uni.createFrom().voidItem();
        }
        return orders.findById(id).invoke(order -> {
            if (order == null || !caller.owns(order.customerId)) {
                throw ProblemException.notFound("order", id);
            }
        }).replaceWithVoid();
    }

    private Uni<Order> placeNew(PlaceOrderRequest request, List<OrderLine> lines, String key) {
        return orders.reserve(request.customerId(), lines).chain(reserved -> reserved.size() == lines.size()
                ? write(request.customerId(), lines, reserved, key)
                : explainRejection(request, lines));
    }

    private Uni<Order> write(long customerId, List<OrderLine> lines, List<ReservedLine> reserved, String key) {
        Map<Long, ReservedLine> byProduct = reserved.stream()
                .collect(Collectors.toMap(ReservedLine::productId, Function.identity()));
        List<PricedLine> priced = lines.stream().map(line -> {
            ReservedLine r = byProduct.get(line.productId());
            return new PricedLine(line.productId(), r.sku(), r.name(), r.unitPrice(), line.quantity(),
                    r.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }).toList();
        BigDecimal total = priced.stream().map(PricedLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(MAX_MONEY) > 0) {
            throw ProblemException.unprocessable("items", "the order total " + total.toPlainString()
                    + " exceeds the largest amount an order can hold (" + MAX_MONEY.toPlainString() + ")");
        }
        int itemCount = lines.stream().mapToInt(OrderLine::quantity).sum();
        return orders.insert(customerId, priced, itemCount, total, key)
                .map(row -> placedOrder(row, customerId, priced, itemCount, total));
    }

    private Uni<Order> replay(String key, String fingerprint) {
        return orders.findKey(key).chain(row -> {
            if (row == null || row[1] == null) {
                return Uni.createFrom().failure(ProblemException.conflict("Idempotency-Key " + key
                        + " is being used by a request that has not finished; retry"));
            }
            if (!fingerprint.equals(String.valueOf(row[0]).trim())) {
                return Uni.createFrom().failure(new ProblemException(422, "idempotency-key-reuse",
                        "Idempotency key reused", "Idempotency-Key " + key + " was used with another request body",
                        null));
            }
            return orders.findWithItems(((Number) row[1]).longValue());
        });
    }

    /** The reservation changed nothing; find out why: unknown customer or product (422), or stock (409). */
    private Uni<Order> explainRejection(PlaceOrderRequest request, List<OrderLine> lines) {
        return orders.customerExists(request.customerId()).chain(customerExists -> {
            if (!customerExists) {
                throw ProblemException.unprocessable("customerId",
                        "customer " + request.customerId() + " does not exist");
            }
            return orders.availability(lines);
        }).map(found -> {
            Map<Long, ProductAvailability> byId = found.stream()
                    .collect(Collectors.toMap(ProductAvailability::productId, Function.identity()));
            for (OrderLine line : lines) {
                ProductAvailability product = byId.get(line.productId());
                if (product == null || !product.active()) {
                    throw ProblemException.unprocessable("items[" + indexOf(request, line.productId()) + "].productId",
                            "product " + line.productId() + (product == null ? " does not exist" : " is not for sale"));
                }
            }
            List<Shortage> shortages = lines.stream()
                    .filter(line -> byId.get(line.productId()).stock() < line.quantity())
                    .map(line -> new Shortage(line.productId(), line.quantity(), byId.get(line.productId()).stock()))
                    .toList();
            throw new ProblemException(409, "insufficient-stock", "Insufficient stock",
                    "Not enough stock for " + shortages.size() + " line(s); nothing was changed", null, shortages);
        });
    }

    private Uni<Void> explainRefusedMove(long id, OrderStatus to, Long expectedVersion, String ifMatch) {
        return orders.findById(id).invoke(order -> {
            if (order == null) {
                throw ProblemException.notFound("order", id);
            }
            if (expectedVersion != null && order.version != expectedVersion) {
                throw Versions.preconditionFailed(ifMatch);
            }
            throw new ProblemException(409, "illegal-transition", "Illegal status change",
                    "An order in status " + order.status + " cannot become " + to, null);
        }).replaceWithVoid();
    }

    /** One line per product, quantities added up, in ascending product id (a stable, normalized order). */
    static List<OrderLine> merge(List<OrderLineRequest> items) {
        Map<Long, Integer> quantities = new TreeMap<>();
        items.forEach(item -> quantities.merge(item.productId(), item.quantity(), Integer::sum));
        return quantities.entrySet().stream().map(e -> new OrderLine(e.getKey(), e.getValue())).toList();
    }

    /** SHA-256 of the normalized request: the same order asked twice has the same fingerprint. */
    static String fingerprint(long customerId, List<OrderLine> lines) {
        String normalized = customerId + "|" + lines.stream()
                .map(line -> line.productId() + "x" + line.quantity())
                .collect(Collectors.joining(","));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static int indexOf(PlaceOrderRequest request, long productId) {
        return IntStream.range(0, request.items().size())
                .filter(i -> request.items().get(i).productId() == productId)
                .findFirst().orElse(0);
    }

    private static Order placedOrder(Object[] row, long customerId, List<PricedLine> lines, int itemCount,
                                     BigDecimal total) {
        Order order = new Order();
        order.id = ((Number) row[0]).longValue();
        order.number = (String) row[1];
        order.customerId = customerId;
        order.status = OrderStatus.PENDING;
        order.itemCount = itemCount;
        order.total = total;
        order.createdAt = Timestamps.toInstant(row[2]);
        order.updatedAt = Timestamps.toInstant(row[3]);
        order.items = new ArrayList<>(lines.stream().map(line -> {
            OrderItem item = new OrderItem();
            item.productId = line.productId();
            item.sku = line.sku();
            item.name = line.name();
            item.unitPrice = line.unitPrice();
            item.quantity = line.quantity();
            item.lineTotal = line.lineTotal();
            return item;
        }).toList());
        return order;
    }

    /** One short line of a refused order, reported in the problem's "lines". */
    @RegisterForReflection
    public record Shortage(long productId, int requested, int available) {
    }
}
