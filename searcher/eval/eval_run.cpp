// SPDX-License-Identifier: Apache-2.0
// podium-eval: options, query files, the evaluation loop and its report.
#include "podium/eval/eval_run.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <ostream>
#include <set>
#include <sstream>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "podium/core/command_line.h"
#include "podium/core/text_fold.h"
#include "podium/eval/diversity_report.h"
#include "podium/eval/metrics.h"
#include "podium/eval/parity.h"
#include "podium/eval/system_comparison.h"
#include "podium/search/index.h"

namespace podium::eval {
namespace {

namespace po = boost::program_options;
using nlohmann::json;

struct EvalQuery {
  std::string qid;
  std::string query;
  std::set<std::string> relevant;
  std::set<std::string> subtopics;  // the held-out talk's tags, lower case (may be empty)
};

Result<std::vector<EvalQuery>> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::io_error(path + ": cannot read the query file");
  std::vector<EvalQuery> queries;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(number) + ": ";
    json object = json::parse(line, nullptr, false);
    if (object.is_discarded() || !object.is_object()) {
      return Status::invalid(where + "not a JSON object");
    }
    EvalQuery q;
    if (!object.contains("qid") || !object["qid"].is_string()) {
      return Status::invalid(where + "qid must be a string", "qid");
    }
    if (!object.contains("query") || !object["query"].is_string()) {
      return Status::invalid(where + "query must be a string", "query");
    }
    if (!object.contains("relevant") || !object["relevant"].is_array() ||
        object["relevant"].empty()) {
      return Status::invalid(where + "relevant must be a non-empty array of speaker ids",
                             "relevant");
    }
    q.qid = object["qid"];
    q.query = object["query"];
    for (const auto& id : object["relevant"]) {
      if (!id.is_string()) return Status::invalid(where + "relevant ids must be strings");
      q.relevant.insert(id.get<std::string>());
    }
    if (object.contains("tags") && object["tags"].is_array()) {
      for (const auto& tag : object["tags"]) {
        if (!tag.is_string()) continue;
        q.subtopics.insert(ascii_lower(tag.get<std::string>()));
      }
    }
    queries.push_back(std::move(q));
  }
  return queries;
}

// "gender=women+,non-binary:0.4" as a minimum share.
Result<search::MinShare> parse_min_share(const std::string& text) {
  const auto eq = text.find('=');
  const auto colon = text.rfind(':');
  if (eq == std::string::npos || colon == std::string::npos || colon < eq) {
    return Status::invalid("must be FIELD=VALUE[,VALUE...]:SHARE", "min-share");
  }
  search::MinShare min;
  min.field = text.substr(0, eq);
  if (std::find(std::begin(search::kMinShareFields), std::end(search::kMinShareFields),
                min.field) == std::end(search::kMinShareFields)) {
    return Status::invalid("field must be gender, groups, region or experience", "min-share");
  }
  std::stringstream values(text.substr(eq + 1, colon - eq - 1));
  for (std::string v; std::getline(values, v, ',');) {
    if (!v.empty()) min.values.push_back(v);
  }
  try {
    min.share = std::stod(text.substr(colon + 1));
  } catch (const std::exception&) {
    min.share = -1;
  }
  if (min.values.empty() || !(min.share > 0 && min.share <= 1)) {
    return Status::invalid("needs values and a share in (0, 1]", "min-share");
  }
  return min;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

Result<search::RankingModel> parse_model(const std::string& name, const std::string& option) {
  if (name == "baseline") return search::RankingModel::kProfileBm25;
  if (name == "fused") return search::RankingModel::kFused;
  return Status::invalid("must be fused or baseline", option);
}

// The speaker ids of a response, best first; none when the search failed (it then scores 0,
// as a failure should).
std::vector<std::string> ranked_ids(const Result<search::SearchResponse>& response) {
  std::vector<std::string> ids;
  if (response.is_ok()) {
    for (const auto& hit : response->results) ids.push_back(hit.speaker.id);
  }
  return ids;
}

// NAME=VALUE assignments (of --set or --against-set) onto `params`.
Status apply_assignments(search::RankingParams& params, const std::vector<std::string>& assignments,
                         const std::string& option) {
  for (const auto& assignment : assignments) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos) return Status::invalid("must be NAME=VALUE", option);
    Status set = set_ranking_param(params, assignment.substr(0, eq), assignment.substr(eq + 1));
    if (!set.is_ok()) return set;
  }
  return Status::ok();
}

}  // namespace

Status set_ranking_param(search::RankingParams& p, const std::string& name,
                         const std::string& value) {
  if (name == "weighting") {
    static const std::set<std::string> known = {"bm25", "bm25+", "dph", "dlh", "pl2", "inl2"};
    if (!known.contains(value)) {
      return Status::invalid("must be one of bm25, bm25+, dph, dlh, pl2, inl2", name);
    }
    p.weighting = value;
    return Status::ok();
  }
  double number = 0;
  try {
    std::size_t used = 0;
    number = std::stod(value, &used);
    if (used != value.size()) throw std::invalid_argument(value);
  } catch (const std::exception&) {
    return Status::invalid("must be a number", name);
  }
  const std::map<std::string, double*> doubles = {
      {"profile_weight", &p.profile_weight},
      {"vote_decay", &p.vote_decay},
      {"bm25_k1", &p.bm25_k1},
      {"bm25_b", &p.bm25_b},
      {"dfr_c", &p.dfr_c},
      {"title_weight", &p.title_weight},
      {"tags_weight", &p.tags_weight},
      {"abstract_weight", &p.abstract_weight},
      {"headline_weight", &p.headline_weight},
      {"name_weight", &p.name_weight},
      {"synonym_weight", &p.synonym_weight},
      {"recency_weight", &p.recency_weight},
      {"recency_half_life_years", &p.recency_half_life_years},
      {"rrf_k", &p.rrf_k}};
  const std::map<std::string, int*> ints = {{"talks_per_speaker", &p.talks_per_speaker},
                                            {"talk_depth", &p.talk_depth},
                                            {"profile_depth", &p.profile_depth},
                                            {"exact_count_limit", &p.exact_count_limit}};
  if (auto it = doubles.find(name); it != doubles.end()) {
    *it->second = number;
  } else if (auto it2 = ints.find(name); it2 != ints.end()) {
    *it2->second = static_cast<int>(number);
  } else if (name == "spelling_fallback") {
    p.spelling_fallback = number != 0;
  } else if (name == "named_first") {
    p.named_first = number != 0;
  } else {
    return Status::invalid("unknown ranking parameter", name);
  }
  return Status::ok();
}

std::string eval_usage() {
  return "Usage: podium-eval --db DIR --queries FILE [--k 10] [--json] [--verbose]\n"
         "                   [--model fused|baseline] [--set NAME=VALUE]...\n"
         "                   [--diversity] [--min-share FIELD=VALUE[,VALUE...]:SHARE]\n"
         "                   [--seed N] [--attributes CORPUS.jsonl] [--measure-only]\n"
         "                   [--band 0.1] [--lambda 0.4] [--dimensions region,...]\n"
         "                   [--compare OTHER_DB [--spelling-db LOCAL_COPY]]\n"
         "                   [--against fused|baseline [--against-set NAME=VALUE]...]\n"
         "       podium-eval build-heldout --out DIR [--variant title|tags|topics|abstract]\n"
         "                   [--exclude-queries FILE]... CORPUS...\n"
         "       podium-eval synth-attributes --seed N --in CORPUS.jsonl[.gz] --out FILE.jsonl\n"
         "                   [--opt-in 0.7]\n"
         "Prints MRR@10, nDCG@10, Recall@10, Recall@100, Hit@1 and Hit@10 of a query set\n"
         "({\"qid\", \"query\", \"relevant\": [speaker ids]} per line), or builds a held-out\n"
         "set (index.jsonl + queries.jsonl) from an ingest-format corpus.\n"
         "--diversity / --min-share run the diversity re-ranker; --attributes (the file the\n"
         "index was built from) adds alpha-nDCG@10, minimum-share satisfaction, NDKL@10,\n"
         "skew@10, newcomer exposure share and exposure Gini; --measure-only measures the\n"
         "--min-share field without re-ranking.\n"
         "--compare runs every query on OTHER_DB too (the same data in another layout, e.g.\n"
         "its shards) and lists the queries whose total, did_you_mean or top --k ids, order\n"
         "and scores differ; exit code 4 when any does. --spelling-db: the local copy to\n"
         "parse queries against when OTHER_DB's shards are remote.\n"
         "--against runs every query through a second system too (the baseline, or the fused\n"
         "model with --against-set parameters) and prints each metric of both with the\n"
         "difference, the ratio, 95% bootstrap intervals and a paired randomization test's p,\n"
         "seeded by --seed (default 1).\n"
         "synth-attributes gives speakers SYNTHETIC opt-in self_id drawn from a seed (never\n"
         "inferred from names or any other field), for measuring the re-ranker only.\n";
}

Result<EvalOptions> parse_eval_options(int argc, const char* const* argv) {
  po::options_description options;
  options.add_options()("db", po::value<std::string>())("queries", po::value<std::string>())(
      "k", po::value<int>())("json", "")("verbose", "")("model", po::value<std::string>())(
      "set", po::value<std::vector<std::string>>())("out", po::value<std::string>())(
      "variant", po::value<std::string>())(
      "exclude-queries", po::value<std::vector<std::string>>())("help,h", "")("diversity", "")(
      "min-share", po::value<std::vector<std::string>>())("seed", po::value<std::uint64_t>())(
      "attributes", po::value<std::string>())("in", po::value<std::string>())("measure-only", "")(
      "band", po::value<double>())("lambda", po::value<double>())(
      "dimensions", po::value<std::string>())("opt-in", po::value<double>())(
      "compare", po::value<std::string>())("spelling-db", po::value<std::string>())(
      "against", po::value<std::string>())("against-set", po::value<std::vector<std::string>>())(
      "arg", po::value<std::vector<std::string>>());
  Result<po::variables_map> parsed = parse_command_line(argc, argv, options, "arg");
  if (!parsed.is_ok()) return parsed.status();
  const po::variables_map& vm = *parsed;
  EvalOptions out;
  if (vm.count("help")) {
    out.help = true;
    return out;
  }
  std::vector<std::string> args;
  if (vm.count("arg")) args = vm["arg"].as<std::vector<std::string>>();
  if (!args.empty() && args[0] == "build-heldout") {
    out.build_heldout = true;
    args.erase(args.begin());
    if (!vm.count("out")) return Status::invalid("build-heldout needs --out DIR", "out");
    if (args.empty()) return Status::invalid("build-heldout needs a CORPUS path");
    out.heldout.out_dir = vm["out"].as<std::string>();
    out.heldout.corpus_paths = args;
    if (vm.count("variant")) {
      const std::string variant = vm["variant"].as<std::string>();
      if (variant == "tags") {
        out.heldout.variant = QueryVariant::kTags;
      } else if (variant == "topics") {
        out.heldout.variant = QueryVariant::kTopics;
      } else if (variant == "abstract") {
        out.heldout.variant = QueryVariant::kAbstract;
      } else if (variant != "title") {
        return Status::invalid("must be title, tags, topics or abstract", "variant");
      }
    }
    if (vm.count("exclude-queries")) {
      out.heldout.exclude_query_files = vm["exclude-queries"].as<std::vector<std::string>>();
    }
    return out;
  }
  if (!args.empty() && args[0] == "synth-attributes") {
    out.synth_attributes = true;
    if (args.size() > 1) return Status::invalid("unexpected argument '" + args[1] + "'");
    if (!vm.count("seed")) return Status::invalid("synth-attributes needs --seed N", "seed");
    if (!vm.count("in")) return Status::invalid("synth-attributes needs --in CORPUS", "in");
    if (!vm.count("out")) return Status::invalid("synth-attributes needs --out FILE", "out");
    out.synth.seed = vm["seed"].as<std::uint64_t>();
    out.synth.in_path = vm["in"].as<std::string>();
    out.synth.out_path = vm["out"].as<std::string>();
    if (vm.count("opt-in")) out.synth.opt_in = vm["opt-in"].as<double>();
    if (!(out.synth.opt_in >= 0 && out.synth.opt_in <= 1)) {
      return Status::invalid("must be from 0 to 1", "opt-in");
    }
    return out;
  }
  if (!args.empty()) return Status::invalid("unexpected argument '" + args[0] + "'");
  if (!vm.count("db")) return Status::invalid("the option '--db' is required", "db");
  if (!vm.count("queries")) return Status::invalid("the option '--queries' is required");
  out.db_path = vm["db"].as<std::string>();
  out.queries_path = vm["queries"].as<std::string>();
  if (vm.count("k")) out.k = vm["k"].as<int>();
  if (out.k < 1 || out.k > 100) return Status::invalid("must be 1..100", "k");
  out.json = vm.count("json") > 0;
  out.verbose = vm.count("verbose") > 0;
  if (vm.count("model")) {
    Result<search::RankingModel> model = parse_model(vm["model"].as<std::string>(), "model");
    if (!model.is_ok()) return model.status();
    out.model = *model;
  }
  if (vm.count("seed")) out.seed = vm["seed"].as<std::uint64_t>();
  if (vm.count("diversity") || vm.count("min-share")) {
    out.diversity.emplace();
    out.diversity->seed = out.seed;
    if (vm.count("min-share")) {
      for (const auto& text : vm["min-share"].as<std::vector<std::string>>()) {
        Result<search::MinShare> min = parse_min_share(text);
        if (!min.is_ok()) return min.status();
        out.diversity->min_shares.push_back(std::move(min).value());
      }
    }
  }
  if (out.diversity) {
    if (vm.count("band")) out.diversity->relevance_band = vm["band"].as<double>();
    if (vm.count("lambda")) out.diversity->lambda = vm["lambda"].as<double>();
    if (vm.count("dimensions")) {
      out.diversity->dimensions.clear();
      std::stringstream list(vm["dimensions"].as<std::string>());
      for (std::string d; std::getline(list, d, ',');) {
        if (std::find(std::begin(search::kDiversityDimensions),
                      std::end(search::kDiversityDimensions),
                      d) == std::end(search::kDiversityDimensions)) {
          return Status::invalid("must be region, affiliation, experience or subtopic",
                                 "dimensions");
        }
        out.diversity->dimensions.push_back(d);
      }
    }
    if (!(out.diversity->relevance_band >= 0 && out.diversity->relevance_band <= 1)) {
      return Status::invalid("must be from 0 to 1", "band");
    }
    if (!(out.diversity->lambda >= 0 && out.diversity->lambda <= 1)) {
      return Status::invalid("must be from 0 to 1", "lambda");
    }
  }
  out.rerank = vm.count("measure-only") == 0;
  if (vm.count("attributes")) out.attributes_path = vm["attributes"].as<std::string>();
  if (vm.count("compare")) out.compare_path = vm["compare"].as<std::string>();
  if (vm.count("spelling-db")) {
    if (out.compare_path.empty()) return Status::invalid("needs --compare", "spelling-db");
    out.compare_spelling_db = vm["spelling-db"].as<std::string>();
  }
  if (vm.count("set")) {
    Status set = apply_assignments(out.params, vm["set"].as<std::vector<std::string>>(), "set");
    if (!set.is_ok()) return set;
  }
  if (vm.count("against-set") && !vm.count("against")) {
    return Status::invalid("needs --against", "against-set");
  }
  if (vm.count("against")) {
    const std::string name = vm["against"].as<std::string>();
    Result<search::RankingModel> model = parse_model(name, "against");
    if (!model.is_ok()) return model.status();
    EvalOptions::Against against;
    against.model = *model;
    against.label = name;
    if (vm.count("against-set")) {
      const auto assignments = vm["against-set"].as<std::vector<std::string>>();
      Status set = apply_assignments(against.params, assignments, "against-set");
      if (!set.is_ok()) return set;
      against.label += " with";
      for (const auto& assignment : assignments) against.label += " " + assignment;
    }
    out.against = std::move(against);
  }
  return out;
}

int run_eval(const EvalOptions& options, std::ostream& out, std::ostream& err) {
  if (options.build_heldout) {
    Result<HeldOutSummary> summary = build_held_out(options.heldout);
    if (!summary.is_ok()) {
      err << "podium-eval: " << summary.status().to_string() << "\n";
      return summary.status().code() == StatusCode::kIoError ? 3 : 1;
    }
    out << "records " << summary->records << ", held out " << summary->held_out << ", queries "
        << summary->queries << ", excluded " << summary->excluded << " -> "
        << options.heldout.out_dir << "\n";
    return 0;
  }
  if (options.synth_attributes) {
    Result<SynthSummary> summary = write_synthetic_attributes(options.synth);
    if (!summary.is_ok()) {
      err << "podium-eval: " << summary.status().to_string() << "\n";
      return summary.status().code() == StatusCode::kIoError ? 3 : 1;
    }
    out << "SYNTHETIC self_id (seed " << options.synth.seed << "): records " << summary->records
        << ", speakers " << summary->speakers << ", self-identified " << summary->self_identified
        << ", women+ " << summary->women_plus << " -> " << options.synth.out_path << "\n";
    return 0;
  }
  Result<std::vector<EvalQuery>> queries = read_queries(options.queries_path);
  if (!queries.is_ok()) {
    err << "podium-eval: " << queries.status().message() << "\n";
    return queries.status().code() == StatusCode::kIoError ? 3 : 1;
  }
  auto index = search::Index::open(options.db_path);
  if (!index.is_ok()) {
    err << "podium-eval: " << index.status().message() << "\n";
    return 3;
  }
  std::unique_ptr<search::Index> other;
  if (!options.compare_path.empty()) {
    search::ShardOptions shards;
    shards.spelling_db_path = options.compare_spelling_db;
    auto opened = search::Index::open(options.compare_path, {}, shards);
    if (!opened.is_ok()) {
      err << "podium-eval: " << opened.status().message() << "\n";
      return 3;
    }
    other = std::move(opened).value();
  }
  std::size_t identical = 0;
  std::vector<std::string> differences;
  AttributeTable attributes;
  std::optional<DiversityAccumulator> diversity;
  if (!options.attributes_path.empty()) {
    Result<AttributeTable> table = read_attributes(options.attributes_path);
    if (!table.is_ok()) {
      err << "podium-eval: " << table.status().to_string() << "\n";
      return 3;
    }
    attributes = std::move(table).value();
    std::optional<search::MinShare> min;
    if (options.diversity && !options.diversity->min_shares.empty()) {
      min = options.diversity->min_shares.front();
    }
    const search::DiversityOptions defaults;
    const search::DiversityOptions& div = options.diversity ? *options.diversity : defaults;
    diversity.emplace(attributes, min, search::shipped_value_sets(), div.relevance_band,
                      div.min_self_id_pool);
  }
  std::vector<QueryMetrics> per_query;
  std::vector<QueryMetrics> per_query_against;  // --against
  std::vector<double> latencies_ms;
  json details = json::array();
  for (const auto& q : *queries) {
    search::SearchRequest request;
    request.query = q.query;
    request.k = 100;
    request.model = options.model;
    request.params = options.params;
    request.with_evidence = false;
    if (options.rerank) request.diversity = options.diversity;
    const auto start = std::chrono::steady_clock::now();
    auto response = (*index)->search(request);
    latencies_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
    if (other) {
      auto other_response = other->search(request);
      ParityCheck check;
      if (response.is_ok() != other_response.is_ok()) {
        check = {false, response.is_ok() ? "fails on the other index" : "fails on the first index"};
      } else if (response.is_ok()) {
        check = compare_responses(*response, *other_response, static_cast<std::size_t>(options.k));
      }
      if (check.same) {
        ++identical;
      } else {
        differences.push_back(q.qid + ": " + check.difference);
      }
    }
    std::vector<std::string> ranking;
    std::vector<double> relevance;
    if (response.is_ok()) {
      for (const auto& hit : response->results) {
        ranking.push_back(hit.speaker.id);
        relevance.push_back(hit.score);
      }
    }
    const QueryMetrics m = score_ranking(ranking, q.relevant);
    if (options.against) {
      search::SearchRequest second = request;
      second.model = options.against->model;
      second.params = options.against->params;
      per_query_against.push_back(score_ranking(ranked_ids((*index)->search(second)), q.relevant));
    }
    if (diversity) diversity->add(ranking, q.subtopics, relevance);
    per_query.push_back(m);
    if (options.verbose) {
      json entry = {{"qid", q.qid}, {"query", q.query}, {"rank", m.first_relevant_rank}};
      std::vector<std::string> top(
          ranking.begin(),
          ranking.begin() +
              std::min<std::ptrdiff_t>(options.k, static_cast<std::ptrdiff_t>(ranking.size())));
      entry["top"] = top;
      if (!response.is_ok()) entry["error"] = response.status().to_string();
      details.push_back(entry);
    }
  }
  const int exit_code = differences.empty() ? 0 : 4;
  const Summary s = summarize(per_query);
  const PairedTestOptions test_options{.rounds = 10000, .seed = options.seed};
  std::vector<MetricComparison> comparison;
  if (options.against) {
    Result<std::vector<MetricComparison>> compared =
        compare_systems(per_query, per_query_against, test_options);
    if (!compared.is_ok()) {
      err << "podium-eval: --against: " << compared.status().message() << "\n";
      return 1;
    }
    comparison = std::move(compared).value();
  }
  const double p50 = percentile(latencies_ms, 0.50);
  const double p99 = percentile(latencies_ms, 0.99);
  if (options.json) {
    json report = {{"queries", s.queries},
                   {"mrr_at_10", s.mrr_at_10},
                   {"ndcg_at_10", s.ndcg_at_10},
                   {"recall_at_10", s.recall_at_10},
                   {"recall_at_100", s.recall_at_100},
                   {"hit_at_1", s.hit_at_1},
                   {"hit_at_10", s.hit_at_10},
                   {"latency_ms", {{"p50", p50}, {"p99", p99}}}};
    if (diversity) {
      const DiversityReport d = diversity->report();
      report["diversity"] = {{"alpha_ndcg_at_10", d.alpha_ndcg_at_10},
                             {"subtopic_queries", d.subtopic_queries},
                             {"newcomer_exposure_share", d.newcomer_exposure_share},
                             {"exposure_gini", d.exposure_gini},
                             {"speakers_exposed", d.speakers_exposed}};
      if (d.has_min_share) {
        report["diversity"]["min_share"] = {
            {"feasible_queries", d.feasible_queries},
            {"satisfied_when_feasible", d.satisfied_when_feasible},
            {"band_feasible_queries", d.band_feasible_queries},
            {"satisfied_when_band_feasible", d.satisfied_when_band_feasible},
            {"satisfied_all", d.satisfied_all},
            {"member_share_at_10", d.member_share_at_10},
            {"ndkl_at_10", d.ndkl_at_10},
            {"min_skew_at_10", d.min_skew_at_10},
            {"max_skew_at_10", d.max_skew_at_10}};
      }
    }
    if (options.verbose) report["per_query"] = details;
    if (options.against) {
      report["against"] = comparison_json(options.against->label, comparison, test_options);
    }
    if (other) {
      report["parity"] = {{"compared_with", options.compare_path},
                          {"queries", per_query.size()},
                          {"identical", identical},
                          {"differences", differences}};
    }
    out << report.dump(2) << "\n";
    return exit_code;
  }
  if (options.verbose) {
    for (const auto& d : details) {
      out << d["qid"].get<std::string>() << "\trank " << d["rank"].get<std::size_t>() << "\t"
          << d["query"].get<std::string>() << "\n";
    }
  }
  out << std::fixed << std::setprecision(4) << "queries " << s.queries << "  MRR@10 " << s.mrr_at_10
      << "  nDCG@10 " << s.ndcg_at_10 << "  R@10 " << s.recall_at_10 << "  R@100 "
      << s.recall_at_100 << "  Hit@1 " << s.hit_at_1 << "  Hit@10 " << s.hit_at_10
      << std::setprecision(2) << "  p50 " << p50 << " ms  p99 " << p99 << " ms\n";
  if (diversity) {
    const DiversityReport d = diversity->report();
    out << std::setprecision(4) << "diversity  alpha-nDCG@10 " << d.alpha_ndcg_at_10 << " ("
        << d.subtopic_queries << " queries with tags)  newcomer exposure "
        << d.newcomer_exposure_share << "  exposure Gini " << d.exposure_gini
        << "  speakers exposed " << d.speakers_exposed << "\n";
    if (d.has_min_share) {
      out << "min share  feasible " << d.feasible_queries << "  met|feasible "
          << d.satisfied_when_feasible << "  band-feasible " << d.band_feasible_queries
          << "  met|band-feasible " << d.satisfied_when_band_feasible << "  met|all "
          << d.satisfied_all << "\n           share@10 " << d.member_share_at_10 << "  NDKL@10 "
          << d.ndkl_at_10 << "  MinSkew@10 " << d.min_skew_at_10 << "  MaxSkew@10 "
          << d.max_skew_at_10 << "\n";
    }
  }
  if (options.against) print_comparison(out, options.against->label, comparison, test_options);
  if (other) {
    out << "parity with " << options.compare_path << "  identical " << identical << " of "
        << per_query.size() << " (top " << options.k << ")\n";
    for (const auto& difference : differences) out << "  differs " << difference << "\n";
  }
  return exit_code;
}

}  // namespace podium::eval
