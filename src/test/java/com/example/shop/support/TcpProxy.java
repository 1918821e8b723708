package com.example.shop.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A loopback TCP forwarder that a test can cut and restore, to make the database unreachable for the
 * application and bring it back without restarting either.
 */
public final class TcpProxy {

    private final int port;
    private final Supplier<InetSocketAddress> upstream;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    public TcpProxy(Supplier<InetSocketAddress> upstream) {
        this.upstream = upstream;
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            server = socket;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Refuses new connections and cuts the open ones. */
    public synchronized void stop() {
        closeQuietly(server);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    private void accept() {
        ServerSocket listening = server;
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket target = new Socket();
                target.connect(upstream.get(), 2_000);
                open.add(client);
                open.add(target);
                pump(client, target);
                pump(target, client);
            } catch (IOException e) {
                // closed by stop(), or the upstream refused: the client sees its connection drop
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
