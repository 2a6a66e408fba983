// SPDX-License-Identifier: Apache-2.0
// Parameter checks for the search and listing endpoints.
#include "podium/http/request_parsing.h"

#include <charconv>
#include <set>

#include <nlohmann/json.hpp>

#include "podium/core/record_parser.h"
#include "podium/core/validate.h"

namespace podium::http {
namespace {

using nlohmann::json;

Result<long long> parse_integer(const std::string& name, const std::string& text, long long min,
                                long long max) {
  long long value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < min || value > max) {
    return Status::invalid(
        "must be an integer from " + std::to_string(min) + " to " + std::to_string(max), name);
  }
  return value;
}

Result<bool> parse_flag(const std::string& name, const std::string& text) {
  if (text == "1" || text == "true" || text == "on") return true;
  if (text == "0" || text == "false" || text == "off") return false;
  return Status::invalid("must be true or false", name);
}

Status check_text(const std::string& name, const std::string& text, std::size_t max_bytes) {
  if (text.size() > max_bytes) {
    return Status::invalid("is longer than " + std::to_string(max_bytes) + " bytes", name);
  }
  if (!is_valid_utf8(text)) return Status::invalid("is not valid UTF-8", name);
  if (text.find('\0') != std::string::npos) {
    return Status::invalid("must not contain a NUL character", name);
  }
  return Status::ok();
}

Status add_filter_value(search::Filters& filters, const std::string& field,
                        const std::string& value) {
  if (Status s = check_text(field, value, kMaxFilterValueBytes); !s.is_ok()) return s;
  if (value.empty()) return Status::invalid("must not be empty", field);
  if (field == "remote" && value != "true" && value != "false") {
    return Status::invalid("must be true or false", field);
  }
  auto& values = filters[field];
  if (values.size() >= kMaxFilterValues) {
    return Status::invalid("has more than " + std::to_string(kMaxFilterValues) + " values", field);
  }
  values.push_back(value);
  return Status::ok();
}

// Applies one scalar parameter shared by GET and POST. Returns false if `name` is not one.
Result<bool> apply_common(search::SearchRequest& request, const std::string& name,
                          const std::string& value) {
  if (name == "q") {
    if (Status s = check_text("q", value, kMaxQueryBytes); !s.is_ok()) return s;
    request.query = value;
  } else if (name == "k") {
    auto k = parse_integer("k", value, 1, search::kMaxK);
    if (!k.is_ok()) return k.status();
    request.k = static_cast<int>(*k);
  } else if (name == "offset") {
    auto offset = parse_integer("offset", value, 0, search::kMaxOffset);
    if (!offset.is_ok()) return offset.status();
    request.offset = static_cast<int>(*offset);
  } else if (name == "seed") {
    auto seed = parse_integer("seed", value, 0, (1LL << 53));
    if (!seed.is_ok()) return seed.status();
    request.seed = static_cast<std::uint64_t>(*seed);
  } else if (name == "explain") {
    auto explain = parse_flag("explain", value);
    if (!explain.is_ok()) return explain.status();
    request.explain = *explain;
  } else {
    return false;
  }
  return true;
}

// A JSON scalar as the text a query parameter would carry.
Result<std::string> scalar_text(const std::string& name, const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return std::string(value.get<bool>() ? "true" : "false");
  if (value.is_number_integer()) return value.dump();
  return Status::invalid("must be a string, an integer or a boolean", name);
}

}  // namespace

Result<search::SearchRequest> parse_search_params(const QueryParams& params) {
  search::SearchRequest request;
  std::set<std::string> seen_scalars;
  for (const auto& [name, value] : params) {
    if (search::is_speaker_filter_field(name)) {
      if (Status s = add_filter_value(request.filters, name, value); !s.is_ok()) return s;
      continue;
    }
    if (!seen_scalars.insert(name).second) return Status::invalid("is given more than once", name);
    Result<bool> applied = apply_common(request, name, value);
    if (!applied.is_ok()) return applied.status();
    if (!*applied) return Status::invalid("unknown parameter", name);
  }
  return request;
}

Result<search::SearchRequest> parse_search_body(const std::string& body) {
  if (!is_valid_utf8(body)) return Status::invalid("request body is not valid UTF-8");
  if (json_nesting_exceeds(body, kMaxJsonDepth)) {
    return Status::invalid("request body is nested deeper than " + std::to_string(kMaxJsonDepth) +
                           " levels");
  }
  json object;
  try {
    object = json::parse(body);
  } catch (const json::parse_error& e) {
    std::string message = e.what();
    if (auto pos = message.find("] "); pos != std::string::npos) message.erase(0, pos + 2);
    return Status::invalid("request body is not valid JSON: " + message);
  }
  if (!object.is_object()) return Status::invalid("request body must be a JSON object");
  search::SearchRequest request;
  for (const auto& [name, value] : object.items()) {
    if (name == "filters") {
      if (!value.is_object()) return Status::invalid("must be an object", "filters");
      for (const auto& [field, values] : value.items()) {
        const std::string param = "filters." + field;
        if (!search::is_speaker_filter_field(field)) {
          return Status::invalid("unknown filter field", param);
        }
        const json list = values.is_array() ? values : json::array({values});
        for (const auto& item : list) {
          Result<std::string> text = scalar_text(param, item);
          if (!text.is_ok()) return text.status();
          if (Status s = add_filter_value(request.filters, field, *text); !s.is_ok()) {
            return Status::invalid(s.message(), param);
          }
        }
      }
      continue;
    }
    if (name == "diversity") continue;  // reserved for diversity-aware ranking
    Result<std::string> text = scalar_text(name, value);
    if (!text.is_ok()) return text.status();
    Result<bool> applied = apply_common(request, name, *text);
    if (!applied.is_ok()) return applied.status();
    if (!*applied) return Status::invalid("unknown parameter", name);
  }
  return request;
}

Result<search::CommunityRequest> parse_community_params(const QueryParams& params) {
  search::CommunityRequest request;
  std::set<std::string> seen_scalars;
  for (const auto& [name, value] : params) {
    if (Status s = check_text(name, value, kMaxQueryBytes); !s.is_ok()) return s;
    if (name == "region" || name == "topic" || name == "type") {
      if (value.empty()) return Status::invalid("must not be empty", name);
      auto& list = name == "region"  ? request.regions
                   : name == "topic" ? request.topics
                                     : request.types;
      list.push_back(value);
      continue;
    }
    if (!seen_scalars.insert(name).second) return Status::invalid("is given more than once", name);
    if (name == "q") {
      request.query = value;
    } else if (name == "k") {
      auto k = parse_integer("k", value, 1, search::kMaxK);
      if (!k.is_ok()) return k.status();
      request.k = static_cast<int>(*k);
    } else if (name == "offset") {
      auto offset = parse_integer("offset", value, 0, search::kMaxOffset);
      if (!offset.is_ok()) return offset.status();
      request.offset = static_cast<int>(*offset);
    } else if (name == "travel_grants") {
      auto flag = parse_flag("travel_grants", value);
      if (!flag.is_ok()) return flag.status();
      request.travel_grants = *flag;
    } else {
      return Status::invalid("unknown parameter", name);
    }
  }
  return request;
}

}  // namespace podium::http
