package org.loyaltyhub.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A lean JSON-over-HTTP/1.1 client for the LoyaltyHub API on this machine: pooled keep-alive sockets and blocking
 * reads on virtual threads. The load generator shares the machine with the application, so every microsecond it
 * spends is taken from what is measured; the JDK's HttpClient cost several times more CPU per request.
 */
final class Api implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;
    private final String host;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    Api(int port) {
        this.port = port;
        this.host = "127.0.0.1:" + port;
    }

    record Reply(int status, String body) {
        boolean is(int expected) {
            return status == expected;
        }
    }

    static String bearer(String secret) {
        return "Bearer " + secret;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Reply get(String path, String auth) throws IOException, InterruptedException {
        return send("GET", path, auth, null);
    }

    Reply post(String path, String auth, String json) throws IOException, InterruptedException {
        return send("POST", path, auth, json);
    }

    Reply put(String path, String auth, String json) throws IOException, InterruptedException {
        return send("PUT", path, auth, json);
    }

    private Reply send(String method, String path, String auth, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\nAccept: application/json\r\n");
        if (auth != null) {
            head.append("Authorization: ").append(auth).append("\r\n");
        }
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] request = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        Connection c = idle.poll();
        boolean reused = c != null;
        if (c == null) {
            c = new Connection(port);
        }
        try {
            Reply reply = c.exchange(request, body);
            if (c.reusable) {
                idle.add(c);
            } else {
                c.close();
            }
            return reply;
        } catch (IOException e) {
            c.close();
            if (reused) {
                // the server closed an idle connection: a fresh one gets the one retry (no request was answered)
                Connection fresh = new Connection(port);
                Reply reply = fresh.exchange(request, body);
                idle.add(fresh);
                return reply;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.poll()) != null) {
            c.close();
        }
    }

    /** One keep-alive socket: a request written whole, the response read by Content-Length or chunks. */
    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean reusable = true;

        Connection(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        Reply exchange(byte[] head, byte[] body) throws IOException {
            if (body.length == 0) {
                out.write(head);
            } else {
                byte[] all = new byte[head.length + body.length];
                System.arraycopy(head, 0, all, 0, head.length);
                System.arraycopy(body, 0, all, head.length, body.length);
                out.write(all);
            }
            out.flush();
            String status = line();
            if (status == null || status.length() < 12) {
                throw new IOException("connection closed before the response");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            String header;
            while ((header = line()) != null && !header.isEmpty()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    reusable = false;
                }
            }
            byte[] content;
            if (chunked) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                while (true) {
                    String size = line();
                    int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                    if (n == 0) {
                        while (!line().isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    buffer.write(in.readNBytes(n));
                    line();
                }
                content = buffer.toByteArray();
            } else if (length >= 0) {
                content = in.readNBytes((int) length);
            } else {
                content = in.readAllBytes();
                reusable = false;
            }
            return new Reply(code, new String(content, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder(64);
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    int len = s.length();
                    return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
                }
                s.append((char) b);
            }
            return s.isEmpty() ? null : s.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
