# Build: the SDK image compiles and publishes the web app.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig NewsCorpus.sln ./
COPY src/ src/
RUN dotnet publish src/NewsCorpus.Web/NewsCorpus.Web.csproj -c Release -o /app

# Run: the ASP.NET runtime image with the published app and the seed corpus.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY seeds/ ./seeds/
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__NewsCorpus="Data Source=/data/newscorpus.db" \
    Ingestion__UploadPath=/data/uploads \
    Corpus__SeedPath=/app/seeds
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "NewsCorpus.Web.dll"]
