"""A TCP relay between the site and a service (PostgreSQL, Redis): stopping it
cuts every open connection, as a restart or a network fault would; starting it
again listens on the same port."""

import socket
import threading
import time


class Relay:
    def __init__(self, target):
        self.target, self.port, self.sockets = target, 0, []

    def start(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.port = self.listener.getsockname()[1]  # chosen by the system at first
        self.listener.listen(64)
        self.listener.settimeout(0.1)
        self.running = True
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while self.running:
            try:
                client, _address = self.listener.accept()
            except OSError:
                continue
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()

    def pipe(self, a, b):
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass

    def stop(self):
        self.running = False
        self.listener.close()
        for each in self.sockets:
            try:
                each.shutdown(socket.SHUT_RDWR)
                each.close()
            except OSError:
                pass
        self.sockets = []
        time.sleep(0.2)  # the accepting thread sees the listener gone
