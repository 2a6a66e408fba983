// SPDX-License-Identifier: Apache-2.0
// The OpenAPI document. Kept next to the routes it describes; tests/http checks that every
// route of server.cpp appears in it.
#include "openapi.h"

namespace podium::http {
namespace {

constexpr const char* kDocument = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "Podium API",
    "version": "1",
    "description": "Find speakers and experts by topic, with evidence, filters and facets. Self-identification is shown only where the speaker's consent is public."
  },
  "paths": {
    "/v1/search": {
      "get": {
        "summary": "Ranked speaker search",
        "parameters": [
          {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 2048}, "description": "Query text: free words, \"phrases\", AND/OR/NOT, field prefixes (topic:, name:, title:, bio:, headline:, event:, lang:, country:, city:, format:, community:, year:). Empty: browse in a seeded shuffle."},
          {"name": "k", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}},
          {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 10000, "default": 0}},
          {"name": "seed", "in": "query", "schema": {"type": "integer", "minimum": 0}, "description": "Order of a browse (empty q); default changes daily."},
          {"name": "explain", "in": "query", "schema": {"type": "boolean"}},
          {"name": "allow_partial", "in": "query", "schema": {"type": "boolean"}, "description": "Sharded index with a shard down: answer from the other shards (partial: true) instead of 503."},
          {"$ref": "#/components/parameters/lang"},
          {"$ref": "#/components/parameters/country"},
          {"$ref": "#/components/parameters/city"},
          {"$ref": "#/components/parameters/remote"},
          {"$ref": "#/components/parameters/format"},
          {"$ref": "#/components/parameters/community"},
          {"$ref": "#/components/parameters/topic"},
          {"$ref": "#/components/parameters/year"}
        ],
        "responses": {
          "200": {"description": "Results", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}}},
          "400": {"$ref": "#/components/responses/Error"}
        }
      },
      "post": {
        "summary": "Ranked speaker search with a JSON body",
        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchRequest"}}}},
        "responses": {
          "200": {"description": "Results", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/v1/speakers/{id}": {
      "get": {
        "summary": "A speaker's full profile with all talks (newest first) and communities",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "Profile"}, "404": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/speakers/{id}/similar": {
      "get": {
        "summary": "Speakers with related expertise: relevance feedback (Xapian RSet/ESet) over the speaker's talks and profile; excludes the speaker; each result says which topics and words it shares",
        "parameters": [
          {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
          {"name": "k", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10}}
        ],
        "responses": {
          "200": {"description": "Similar speakers", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SimilarResponse"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/v1/recommend": {
      "post": {
        "summary": "A lineup of speakers who together cover an event's subtopics (xQuAD over the tags of the best-matching talks), optionally diversity re-ranked as in search, with community listings to reach out to",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RecommendRequest"}}}},
        "responses": {
          "200": {"description": "Lineup", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RecommendResponse"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/v1/talks/{id}": {
      "get": {
        "summary": "One talk with its speakers",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "Talk"}, "404": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/v1/communities": {
      "get": {
        "summary": "Community listings (networks, meetups, workshops) to reach speakers through",
        "parameters": [
          {"name": "q", "in": "query", "schema": {"type": "string"}},
          {"name": "region", "in": "query", "schema": {"type": "string"}, "description": "Repeatable; \"global\", a country code or a city"},
          {"name": "topic", "in": "query", "schema": {"type": "string"}},
          {"name": "type", "in": "query", "schema": {"type": "string", "enum": ["workshop", "meetup", "network", "conference", "festival"]}},
          {"name": "travel_grants", "in": "query", "schema": {"type": "boolean"}},
          {"name": "k", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
          {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 10000}}
        ],
        "responses": {"200": {"description": "Listings"}, "400": {"$ref": "#/components/responses/Error"}}
      }
    },
    "/healthz": {
      "get": {"summary": "Document counts and the last commit time", "responses": {"200": {"description": "Healthy"}, "503": {"$ref": "#/components/responses/Error"}}}
    },
    "/openapi.json": {
      "get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3 document"}}}
    },
    "/metrics": {
      "get": {"summary": "Prometheus text format: requests by route and status, latency histogram, documents per kind, last commit time, admin ingest counts", "responses": {"200": {"description": "Metrics", "content": {"text/plain": {}}}}}
    },
    "/v1/admin/ingest": {
      "post": {
        "summary": "Ingest JSON Lines in the ingest format as one atomic batch (bearer token; off when no token is configured)",
        "security": [{"bearer": []}],
        "parameters": [{"name": "strict", "in": "query", "schema": {"type": "boolean"}, "description": "any rejected line: commit nothing"}],
        "requestBody": {"content": {"application/x-ndjson": {}}},
        "responses": {
          "200": {"description": "Summary (added, replaced, unchanged, deleted, rejected, warnings, committed) with per-line errors and warnings"},
          "401": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/v1/admin/{kind}/{id}": {
      "delete": {
        "summary": "Delete a speaker, talk or community listing (bearer token)",
        "security": [{"bearer": []}],
        "parameters": [
          {"name": "kind", "in": "path", "required": true, "schema": {"type": "string", "enum": ["speakers", "talks", "communities"]}},
          {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}
        ],
        "responses": {"200": {"description": "Deleted"}, "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}
      }
    }
  },
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    "parameters": {
      "lang": {"name": "lang", "in": "query", "schema": {"type": "string"}, "description": "BCP-47 language; repeat for OR"},
      "country": {"name": "country", "in": "query", "schema": {"type": "string"}, "description": "ISO 3166-1 alpha-2; repeat for OR"},
      "city": {"name": "city", "in": "query", "schema": {"type": "string"}},
      "remote": {"name": "remote", "in": "query", "schema": {"type": "string", "enum": ["true", "false"]}},
      "format": {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["keynote", "talk", "workshop", "panel", "podcast", "interview", "mentoring"]}},
      "community": {"name": "community", "in": "query", "schema": {"type": "string"}},
      "topic": {"name": "topic", "in": "query", "schema": {"type": "string"}},
      "year": {"name": "year", "in": "query", "schema": {"type": "string"}, "description": "A year in which the speaker gave a talk"}
    },
    "responses": {
      "Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Error": {
        "type": "object",
        "properties": {"error": {"type": "object", "properties": {
          "code": {"type": "string"}, "message": {"type": "string"}, "param": {"type": "string", "nullable": true}}}}
      },
      "SearchRequest": {
        "type": "object",
        "properties": {
          "q": {"type": "string"}, "k": {"type": "integer"}, "offset": {"type": "integer"},
          "seed": {"type": "integer"}, "explain": {"type": "boolean"}, "allow_partial": {"type": "boolean"},
          "filters": {"type": "object", "additionalProperties": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}}
        }
      },
      "Diversity": {
        "description": "true/false, or options: enabled, seed, min_share [{field: gender|groups|region|experience, values, share}], dimensions (region, affiliation, experience, subtopic), lambda, relevance_band",
        "oneOf": [{"type": "boolean"}, {"type": "object"}]
      },
      "RecommendRequest": {
        "type": "object",
        "required": ["event"],
        "additionalProperties": false,
        "properties": {
          "event": {"type": "string", "maxLength": 20000, "description": "CfP, abstract or agenda text"},
          "size": {"type": "integer", "minimum": 1, "maximum": 20, "default": 5},
          "filters": {"type": "object", "additionalProperties": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}},
          "diversity": {"$ref": "#/components/schemas/Diversity"},
          "seed": {"type": "integer", "minimum": 0},
          "communities": {"type": "integer", "minimum": 0, "maximum": 10, "default": 3},
          "coverage_lambda": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.5}
        }
      },
      "RecommendResponse": {
        "type": "object",
        "properties": {
          "terms": {"type": "array", "items": {"type": "string"}},
          "subtopics": {"type": "array", "items": {"type": "object", "properties": {"label": {"type": "string"}, "weight": {"type": "number"}, "talk_ids": {"type": "array", "items": {"type": "string"}}}}},
          "lineup": {"type": "array", "items": {"type": "object", "description": "SpeakerResult fields, relevance, talk_count, and why: {subtopics, new_subtopics, evidence}"}},
          "candidates": {"type": "integer"},
          "communities": {"type": "array", "items": {"type": "object", "description": "A community listing with travel_grants (true, false or null) and why: {topics, regions}"}},
          "diversity": {"type": "object", "description": "Aggregates as in search, when diversity is on"}
        }
      },
      "SimilarResponse": {
        "type": "object",
        "properties": {
          "id": {"type": "string"},
          "terms": {"type": "array", "items": {"type": "string"}, "description": "The expansion words the similarity query was built from"},
          "results": {"type": "array", "items": {"type": "object", "description": "SpeakerResult fields without evidence, and why: {shared_topics, shared_terms}"}}
        }
      },
      "Evidence": {
        "type": "object",
        "properties": {
          "kind": {"type": "string", "enum": ["talk", "bio"]},
          "talk_id": {"type": "string"}, "title": {"type": "string"},
          "snippet": {"type": "string", "description": "HTML-escaped text; matched words in <mark>...</mark>"},
          "matched_words": {"type": "array", "items": {"type": "string"}},
          "matched_tags": {"type": "array", "items": {"type": "string"}, "description": "Talk evidence: the talk's tags the query matched"},
          "date": {"type": "string", "nullable": true}, "url": {"type": "string", "nullable": true},
          "video": {"type": "string", "nullable": true}, "slides": {"type": "string", "nullable": true}
        }
      },
      "SpeakerResult": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "name": {"type": "string"}, "pronouns": {"type": "string", "nullable": true},
          "headline": {"type": "string", "nullable": true}, "affiliation": {"type": "string", "nullable": true},
          "location": {"type": "object", "nullable": true}, "languages": {"type": "array", "items": {"type": "string"}},
          "formats": {"type": "array", "items": {"type": "string"}}, "topics": {"type": "array", "items": {"type": "string"}},
          "remote": {"type": "boolean", "nullable": true}, "links": {"type": "object"},
          "score": {"type": "number"}, "talk_count": {"type": "integer"},
          "evidence": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}},
          "self_id": {"type": "object", "description": "Present only when the speaker's consent is public"}
        }
      },
      "SearchResponse": {
        "type": "object",
        "properties": {
          "query": {"type": "string"}, "total": {"type": "integer"},
          "counts_exact": {"type": "boolean", "description": "False when more speakers matched than are counted exactly (10,000): total and the facet counts are then estimates."},
          "results": {"type": "array", "items": {"$ref": "#/components/schemas/SpeakerResult"}},
          "facets": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "object", "properties": {"value": {"type": "string"}, "count": {"type": "integer"}}}}},
          "did_you_mean": {"type": "string"},
          "partial": {"type": "boolean", "description": "Only with allow_partial: some shards did not answer."},
          "missing_shards": {"type": "array", "items": {"type": "string"}}
        }
      }
    }
  }
})json";

}  // namespace

const std::string& openapi_document() {
  static const std::string document = kDocument;
  return document;
}

}  // namespace podium::http
