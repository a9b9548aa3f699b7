# The encore package on a slim Python; `docker compose up` runs it as several workers.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY matching ./matching
COPY db ./db
RUN pip install --no-cache-dir .
USER nobody
ENTRYPOINT ["encore"]
