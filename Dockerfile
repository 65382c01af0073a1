# Ottobon Jobs: one image serving the API and the built SPA.
#   docker compose up --build        (see docker-compose.yml; needs OTTOBON_JWT_SECRET)

# --- 1. the SPA -------------------------------------------------------------------------------
FROM node:20 AS frontend
WORKDIR /src/frontend
COPY frontend/ ./
# npm ci replaces any node_modules copied from the host; dist/ is rebuilt from source.
RUN npm ci --no-audit --no-fund && rm -rf dist && npm run build

# --- 2. the API -------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS api
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props OttobonJobs.sln ./
COPY src/ src/
# Host build output (bin/obj) in the context would confuse restore and publish.
RUN find src -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} + \
 && dotnet publish src/OttobonJobs.Api/OttobonJobs.Api.csproj -c Release -o /app/publish

# --- 3. runtime -------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=api /app/publish ./
COPY --from=frontend /src/frontend/dist ./wwwroot-spa
# Files the API keeps (e.g. a generated JWT key when OTTOBON_JWT_SECRET is absent) go to /data.
RUN mkdir -p /data && chown "$APP_UID" /data
ENV ASPNETCORE_URLS=http://+:8080 \
    OTTOBON_SPA_PATH=/app/wwwroot-spa \
    XDG_DATA_HOME=/data
VOLUME /data
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "OttobonJobs.Api.dll"]
