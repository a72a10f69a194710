# The headless Natter server on Debian 12, with Debian's Qt packages.
#   docker build -t natter .
#   docker run -d -p 8082:8082 -v natter-data:/var/lib/natter natter
# The build stage makes the .deb with scripts/build-deb.sh and the runtime stage installs it with
# natter_install_deb (scripts/dependencies.sh): the same script and the same installation that CI's package test
# (scripts/test.sh, tests/installer/test-deb.sh) exercises. docs/INSTALL.md has more.

FROM debian:12 AS build
WORKDIR /src
COPY . .
RUN bash scripts/build-deb.sh release && cp build/release/natter_*.deb /natter.deb

FROM debian:12
COPY --from=build /natter.deb /tmp/natter.deb
COPY scripts/dependencies.sh /tmp/dependencies.sh
# The package's postinst creates the natter system user and /var/lib/natter; curl is for the health check.
RUN bash -c 'source /tmp/dependencies.sh && natter_install_deb /tmp/natter.deb curl' \
    && rm -rf /tmp/natter.deb /tmp/dependencies.sh /var/lib/apt/lists/*

USER natter
WORKDIR /var/lib/natter
VOLUME /var/lib/natter
EXPOSE 8082
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8082/health || exit 1
# Arguments given to `docker run` (or the compose file's command) are appended, e.g. --database postgresql://…
# The LAN beacon stays off: multicast does not leave a container's network.
ENTRYPOINT ["natter", "--server", "--config", "/etc/natter/server.ini", "--data-dir", "/var/lib/natter", \
            "--bind", "0.0.0.0", "--port", "8082", "--no-announce"]
