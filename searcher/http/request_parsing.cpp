// SPDX-License-Identifier: Apache-2.0
// Parameter checks for the search and listing endpoints.
#include "podium/http/request_parsing.h"

#include <algorithm>
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
  } else if (name == "allow_partial") {
    auto allow = parse_flag("allow_partial", value);
    if (!allow.is_ok()) return allow.status();
    request.allow_partial = *allow;
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

bool is_one_of(const std::string& value, const char* const* names, std::size_t count) {
  return std::find(names, names + count, value) != names + count;
}

template <std::size_t N>
std::string joined(const char* const (&names)[N]) {
  std::string out;
  for (const char* name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

Result<search::MinShare> parse_min_share(const std::string& param, const json& item) {
  if (!item.is_object()) return Status::invalid("must be an object", param);
  search::MinShare min;
  bool has_field = false;
  bool has_values = false;
  bool has_share = false;
  for (const auto& [key, value] : item.items()) {
    const std::string name = param + "." + key;
    if (key == "field") {
      if (!value.is_string() || !is_one_of(value.get<std::string>(), search::kMinShareFields, 4)) {
        return Status::invalid("must be one of " + joined(search::kMinShareFields), name);
      }
      min.field = value.get<std::string>();
      has_field = true;
    } else if (key == "values") {
      if (!value.is_array() || value.empty()) {
        return Status::invalid("must be a non-empty array of strings", name);
      }
      if (value.size() > kMaxFilterValues) {
        return Status::invalid("has more than " + std::to_string(kMaxFilterValues) + " values",
                               name);
      }
      for (std::size_t v = 0; v < value.size(); ++v) {
        const std::string entry = name + "[" + std::to_string(v) + "]";
        if (!value[v].is_string()) return Status::invalid("must be a string", entry);
        const std::string text = value[v].get<std::string>();
        if (Status st = check_text(entry, text, kMaxFilterValueBytes); !st.is_ok()) return st;
        if (text.empty()) return Status::invalid("must not be empty", entry);
        min.values.push_back(text);
      }
      has_values = true;
    } else if (key == "share") {
      if (!value.is_number() || value.get<double>() <= 0 || value.get<double>() > 1) {
        return Status::invalid("must be a number greater than 0 and at most 1", name);
      }
      min.share = value.get<double>();
      has_share = true;
    } else {
      return Status::invalid("unknown parameter", name);
    }
  }
  if (!has_field) return Status::invalid("is required", param + ".field");
  if (!has_values) return Status::invalid("is required", param + ".values");
  if (!has_share) return Status::invalid("is required", param + ".share");
  for (std::size_t v = 0; v < min.values.size(); ++v) {
    const std::string entry = param + ".values[" + std::to_string(v) + "]";
    if (min.field == "region" && !is_one_of(min.values[v], search::kRegions, 7)) {
      return Status::invalid("must be one of " + joined(search::kRegions), entry);
    }
    if (min.field == "experience" && min.values[v] != "newcomer" && min.values[v] != "veteran") {
      return Status::invalid("must be newcomer or veteran", entry);
    }
  }
  return min;
}

Result<double> unit_number(const std::string& name, const json& value) {
  if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > 1) {
    return Status::invalid("must be a number from 0 to 1", name);
  }
  return value.get<double>();
}

// The "diversity" member of a POST body: true/false, or an object. Empty when disabled.
Result<std::optional<search::DiversityOptions>> parse_diversity(const json& value) {
  using Parsed = std::optional<search::DiversityOptions>;
  if (value.is_boolean()) {
    return value.get<bool>() ? Parsed(search::DiversityOptions{}) : Parsed();
  }
  if (!value.is_object()) return Status::invalid("must be a boolean or an object", "diversity");
  search::DiversityOptions options;
  bool enabled = true;
  for (const auto& [key, item] : value.items()) {
    const std::string name = "diversity." + key;
    if (key == "enabled") {
      if (!item.is_boolean()) return Status::invalid("must be true or false", name);
      enabled = item.get<bool>();
    } else if (key == "seed") {
      if (!item.is_number_integer() || item.get<long long>() < 0 ||
          item.get<long long>() > (1LL << 53)) {
        return Status::invalid("must be an integer from 0 to " + std::to_string(1LL << 53), name);
      }
      options.seed = static_cast<std::uint64_t>(item.get<long long>());
    } else if (key == "min_share") {
      if (!item.is_array()) return Status::invalid("must be an array", name);
      if (item.size() > kMaxMinShares) {
        return Status::invalid("has more than " + std::to_string(kMaxMinShares) + " entries", name);
      }
      for (std::size_t i = 0; i < item.size(); ++i) {
        auto min = parse_min_share(name + "[" + std::to_string(i) + "]", item[i]);
        if (!min.is_ok()) return min.status();
        options.min_shares.push_back(std::move(min).value());
      }
    } else if (key == "dimensions") {
      if (!item.is_array()) return Status::invalid("must be an array", name);
      options.dimensions.clear();
      for (std::size_t i = 0; i < item.size(); ++i) {
        const std::string entry = name + "[" + std::to_string(i) + "]";
        if (!item[i].is_string() ||
            !is_one_of(item[i].get<std::string>(), search::kDiversityDimensions, 4)) {
          return Status::invalid("must be one of " + joined(search::kDiversityDimensions), entry);
        }
        const std::string dim = item[i].get<std::string>();
        if (std::find(options.dimensions.begin(), options.dimensions.end(), dim) ==
            options.dimensions.end()) {
          options.dimensions.push_back(dim);
        }
      }
    } else if (key == "lambda") {
      auto lambda = unit_number(name, item);
      if (!lambda.is_ok()) return lambda.status();
      options.lambda = *lambda;
    } else if (key == "relevance_band") {
      auto band = unit_number(name, item);
      if (!band.is_ok()) return band.status();
      options.relevance_band = *band;
    } else {
      return Status::invalid("unknown parameter", name);
    }
  }
  return enabled ? Parsed(std::move(options)) : Parsed();
}

// The body of a POST as a JSON object, or kInvalidArgument saying why it is not one.
Result<json> parse_body_object(const std::string& body) {
  if (!is_valid_utf8(body)) return Status::invalid("request body is not valid UTF-8");
  if (json_nesting_exceeds(body, kMaxJsonDepth)) {
    return Status::invalid("request body is nested deeper than " + std::to_string(kMaxJsonDepth) +
                           " levels");
  }
  json object;
  try {
    object = json::parse(body);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number too large
    std::string message = e.what();
    if (auto pos = message.find("] "); pos != std::string::npos) message.erase(0, pos + 2);
    return Status::invalid("request body is not valid JSON: " + message);
  }
  if (!object.is_object()) return Status::invalid("request body must be a JSON object");
  return object;
}

// The "filters" member of a POST body: {field: value or [values]}.
Status parse_filters(const json& value, search::Filters& filters) {
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
      if (Status s = add_filter_value(filters, field, *text); !s.is_ok()) {
        return Status::invalid(s.message(), param);
      }
    }
  }
  return Status::ok();
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
    if (name == "diversity") {
      // GET turns on the default dimensions without minimums; minimums need POST.
      auto on = parse_flag(name, value);
      if (!on.is_ok()) return Status::invalid("must be on or off", name);
      if (*on) request.diversity.emplace();
      continue;
    }
    Result<bool> applied = apply_common(request, name, value);
    if (!applied.is_ok()) return applied.status();
    if (!*applied) return Status::invalid("unknown parameter", name);
  }
  return request;
}

Result<search::SearchRequest> parse_search_body(const std::string& body) {
  Result<json> parsed = parse_body_object(body);
  if (!parsed.is_ok()) return parsed.status();
  const json& object = *parsed;
  search::SearchRequest request;
  for (const auto& [name, value] : object.items()) {
    if (name == "filters") {
      if (Status s = parse_filters(value, request.filters); !s.is_ok()) return s;
      continue;
    }
    if (name == "diversity") {
      auto diversity = parse_diversity(value);
      if (!diversity.is_ok()) return diversity.status();
      request.diversity = std::move(diversity).value();
      continue;
    }
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

Result<search::SimilarRequest> parse_similar_params(const std::string& id,
                                                    const QueryParams& params) {
  search::SimilarRequest request;
  request.id = id;
  std::set<std::string> seen;
  for (const auto& [name, value] : params) {
    if (!seen.insert(name).second) return Status::invalid("is given more than once", name);
    if (name != "k") return Status::invalid("unknown parameter", name);
    auto k = parse_integer("k", value, 1, search::kMaxSimilar);
    if (!k.is_ok()) return k.status();
    request.k = static_cast<int>(*k);
  }
  return request;
}

Result<search::LineupRequest> parse_recommend_body(const std::string& body) {
  Result<json> parsed = parse_body_object(body);
  if (!parsed.is_ok()) return parsed.status();
  search::LineupRequest request;
  bool has_event = false;
  for (const auto& [name, value] : parsed->items()) {
    if (name == "event") {
      if (!value.is_string()) return Status::invalid("must be a string", name);
      request.event = value.get<std::string>();
      if (Status s = check_text(name, request.event, search::kMaxEventBytes); !s.is_ok()) return s;
      if (request.event.find_first_not_of(" \t\r\n") == std::string::npos) {
        return Status::invalid("must not be empty", name);
      }
      has_event = true;
    } else if (name == "size") {
      if (!value.is_number_integer() || value.get<long long>() < 1 ||
          value.get<long long>() > search::kMaxLineupSize) {
        return Status::invalid(
            "must be an integer from 1 to " + std::to_string(search::kMaxLineupSize), name);
      }
      request.size = value.get<int>();
    } else if (name == "communities") {
      if (!value.is_number_integer() || value.get<long long>() < 0 ||
          value.get<long long>() > search::kMaxLineupCommunities) {
        return Status::invalid(
            "must be an integer from 0 to " + std::to_string(search::kMaxLineupCommunities), name);
      }
      request.communities = value.get<int>();
    } else if (name == "seed") {
      if (!value.is_number_integer() || value.get<long long>() < 0 ||
          value.get<long long>() > (1LL << 53)) {
        return Status::invalid("must be an integer from 0 to " + std::to_string(1LL << 53), name);
      }
      request.seed = static_cast<std::uint64_t>(value.get<long long>());
    } else if (name == "coverage_lambda") {
      auto lambda = unit_number(name, value);
      if (!lambda.is_ok()) return lambda.status();
      request.coverage_lambda = *lambda;
    } else if (name == "filters") {
      if (Status s = parse_filters(value, request.filters); !s.is_ok()) return s;
    } else if (name == "diversity") {
      auto diversity = parse_diversity(value);
      if (!diversity.is_ok()) return diversity.status();
      request.diversity = std::move(diversity).value();
    } else {
      return Status::invalid("unknown parameter", name);
    }
  }
  if (!has_event) return Status::invalid("is required", "event");
  return request;
}

}  // namespace podium::http
