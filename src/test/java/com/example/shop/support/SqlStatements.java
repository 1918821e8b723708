package com.example.shop.support;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts the SQL statements Hibernate Reactive sends, by listening to the org.hibernate.SQL logger
 * (enabled at DEBUG, without output, in the test profile).
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    /** Runs {@code action} and returns the statements sent while it ran. */
    public static List<String> during(Runnable action) {
        List<String> statements = new CopyOnWriteArrayList<>();
        ExtHandler handler = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                statements.add(record.getFormattedMessage());
            }
        };
        Logger logger = Logger.getLogger("org.hibernate.SQL");
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return statements;
    }

}
