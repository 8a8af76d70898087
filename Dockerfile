# syntax=docker/dockerfile:1
# The keyless images. Three targets:
#   docker build -t keyless .                        the native keyless on Debian slim (default, the last stage)
#   docker build --target gcloud -t keyless:gcloud . keyless beside the Google Cloud CLI, for jobs that also run gcloud
#   docker build --target az -t keyless:az .         keyless beside the Azure CLI, for jobs that also run az
# Each runs as a non-root user with ENTRYPOINT ["keyless"]. In a GitLab job, clear the entrypoint so the runner's
# shell runs the script (the templates/ components do): image: { name: …, entrypoint: [""] }.
# The build stage runs scripts/release, the script scripts/test runs for the same target, so what CI tests is what
# the image holds. Build for one architecture per run (--platform linux/amd64 or linux/arm64, each on its own
# architecture's builder: the native compile does not cross-compile here).

ARG DOTNET_SDK=mcr.microsoft.com/dotnet/sdk:10.0-bookworm-slim
ARG RUNTIME_BASE=debian:bookworm-slim
ARG GCLOUD_BASE=gcr.io/google.com/cloudsdktool/google-cloud-cli:slim
ARG AZ_BASE=mcr.microsoft.com/azure-cli:latest

FROM ${DOTNET_SDK} AS build
# Native AOT links with the system C toolchain.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64) rid=linux-arm64 ;; *) echo "unsupported architecture" >&2; exit 1 ;; esac \
 && scripts/release --only "$rid" --no-tool --out /dist \
 && install -m 0755 "/dist/keyless-$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Keyless.Cli/Keyless.Cli.csproj | head -1)-$rid" /keyless

# keyless beside the Google Cloud CLI (Debian-based; it has sh for GitLab's script:).
FROM ${GCLOUD_BASE} AS gcloud
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="keyless (with gcloud)" \
      org.opencontainers.image.description="GitLab CI OIDC trust for GCP and Azure: audit, explain, emulate, and keyless login in the job; with the Google Cloud CLI" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="https://gitlab.com/keyless/keyless" \
      org.opencontainers.image.documentation="https://gitlab.com/keyless/keyless/-/blob/main/README.md"
COPY --from=build /keyless /usr/local/bin/keyless
RUN useradd --create-home --uid 10001 keyless
USER 10001
WORKDIR /home/keyless
ENTRYPOINT ["keyless"]

# keyless beside the Azure CLI (Azure Linux; glibc like the build stage's Debian, newer).
FROM ${AZ_BASE} AS az
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="keyless (with az)" \
      org.opencontainers.image.description="GitLab CI OIDC trust for GCP and Azure: audit, explain, emulate, and keyless login in the job; with the Azure CLI" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="https://gitlab.com/keyless/keyless" \
      org.opencontainers.image.documentation="https://gitlab.com/keyless/keyless/-/blob/main/README.md"
COPY --from=build /keyless /usr/local/bin/keyless
RUN (useradd --create-home --uid 10001 keyless 2>/dev/null || adduser -D -u 10001 keyless)
USER 10001
WORKDIR /home/keyless
ENTRYPOINT ["keyless"]

# The default image: the native keyless on Debian slim. It needs glibc and OpenSSL (libssl3, loaded at run time
# for HTTPS) and the CA certificates; no .NET runtime. It keeps sh, which GitLab's script: needs.
FROM ${RUNTIME_BASE} AS runtime
ARG VERSION=0.1.0
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 keyless
LABEL org.opencontainers.image.title="keyless" \
      org.opencontainers.image.description="GitLab CI OIDC trust for GCP and Azure: audit, explain, emulate, and keyless login in the job" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="https://gitlab.com/keyless/keyless" \
      org.opencontainers.image.documentation="https://gitlab.com/keyless/keyless/-/blob/main/README.md"
COPY --from=build /keyless /usr/local/bin/keyless
USER 10001
WORKDIR /home/keyless
ENTRYPOINT ["keyless"]
