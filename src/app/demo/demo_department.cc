#include "app/demo/demo_department.h"

#include "app/demo/portable_random.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace rollcall::app {
namespace {

using org::Assignment;
using org::AssignmentRole;
using org::Category;
using org::EmployeeStatus;
using org::ScheduleType;
using org::SpecialRole;
using org::UnitKind;

// Portable randomness (portable_random.h).
using demo_random::chance;
using demo_random::pick;
using demo_random::Rng;
using demo_random::uniform;

// How many times an event with an expected `per_10000`/10000 occurrences a day
// happens today: the integer part always, the fraction as one Bernoulli draw.
int events_on_day(Rng& rng, int per_10000) {
  return per_10000 / 10000 + (uniform(rng, 0, 9999) < per_10000 % 10000 ? 1 : 0);
}

constexpr std::int64_t kDaysPerYear = 365;

Date min_date(Date a, Date b) { return a < b ? a : b; }
Date max_date(Date a, Date b) { return a < b ? b : a; }

// ---------------------------------------------------------------------------
// Vocabulary.

constexpr std::array<std::string_view, 64> kLastNames{
    "Nguyen",   "Smith",    "Johnson",  "Kim",       "Garcia",   "Williams", "Brown",   "Lee",
    "Martinez", "Anderson", "Taylor",   "Thomas",    "Moore",    "Jackson",  "Martin",  "Thompson",
    "White",    "Lopez",    "Harris",   "Clark",     "Lewis",    "Robinson", "Walker",  "Young",
    "Allen",    "Wright",   "Scott",    "Torres",    "Hill",     "Flores",   "Green",   "Adams",
    "Nelson",   "Baker",    "Hall",     "Rivera",    "Campbell", "Mitchell", "Carter",  "Roberts",
    "Chen",     "Wong",     "Tran",     "Pham",      "Park",     "Yamamoto", "Tanaka",  "Olsen",
    "Larsen",   "Johansen", "Petersen", "Haugen",    "Sullivan", "Murphy",   "O'Brien", "Kelly",
    "Reyes",    "Morales",  "Ortiz",    "Gutierrez", "Tesfaye",  "Abdi",     "Haile",   "Singh"};

constexpr std::array<std::string_view, 48> kFirstNames{
    "James",  "Mary",     "Michael", "Jennifer", "David",   "Linda",   "Robert", "Patricia",
    "John",   "Susan",    "William", "Jessica",  "Richard", "Sarah",   "Joseph", "Karen",
    "Daniel", "Lisa",     "Matthew", "Nancy",    "Anthony", "Emily",   "Mark",   "Ashley",
    "Steven", "Michelle", "Kevin",   "Amanda",   "Brian",   "Melissa", "Jason",  "Stephanie",
    "Eric",   "Rebecca",  "Tuan",    "Mai",      "Minh",    "Ji-woo",  "Carlos", "Lucia",
    "Ahmed",  "Hana",     "Tomas",   "Ingrid",   "Dawit",   "Amina",   "Raj",    "Priya"};

// Internal grades; sworn ranks and three civilian levels. A civilian's
// Employee::rank is the title of the slot or position they fill.
enum class Grade {
  kOfficer,
  kDetective,
  kSergeant,
  kLieutenant,
  kCaptain,
  kAssistantChief,
  kChief,
  kCivStaff,
  kCivSupervisor,
  kCivManager,
};

bool is_sworn(Grade g) { return g < Grade::kCivStaff; }

std::string_view sworn_rank(Grade g) {
  switch (g) {
    case Grade::kOfficer:
      return "officer";
    case Grade::kDetective:
      return "detective";
    case Grade::kSergeant:
      return "sergeant";
    case Grade::kLieutenant:
      return "lieutenant";
    case Grade::kCaptain:
      return "captain";
    case Grade::kAssistantChief:
      return "assistant chief";
    case Grade::kChief:
      return "chief of police";
    default:
      return "";
  }
}

// Who leads a unit: a sworn grade, or a civilian level with its title.
struct Leader {
  Grade grade;
  std::string_view title;
};

Leader sworn(Grade g) { return {g, sworn_rank(g)}; }
constexpr Leader kCivSupervisor{Grade::kCivSupervisor, "supervisor"};
constexpr Leader kCivManager{Grade::kCivManager, "manager"};

// A group of like members a unit is staffed with: `target` people of `grade`
// with `title`.
struct SlotSpec {
  Grade grade;
  std::string_view title;
  int target;
};

SlotSpec sworn_slot(Grade g, int target) { return {g, sworn_rank(g), target}; }
SlotSpec civ_slot(std::string_view title, int target) { return {Grade::kCivStaff, title, target}; }

// Minimum members of a squad at any time; a shortfall below it is filled the
// same day. Targets are drawn within [kSquadMin + 1, kSquadMax - 1].
constexpr int kSquadMin = 6;
constexpr int kSquadMax = 10;

// Typical years of service of people already in a grade when history starts:
// [lo, hi) years; `skew` favours recent hires (the minimum of two draws).
struct ServiceRange {
  int lo;
  int hi;
  bool skew;
};

ServiceRange initial_service(Grade g) {
  switch (g) {
    case Grade::kOfficer:
      return {0, 26, true};
    case Grade::kDetective:
      return {3, 26, true};
    case Grade::kSergeant:
      return {6, 28, false};
    case Grade::kLieutenant:
      return {10, 29, false};
    case Grade::kCaptain:
      return {14, 30, false};
    case Grade::kAssistantChief:
      return {18, 31, false};
    case Grade::kChief:
      return {22, 32, false};
    case Grade::kCivStaff:
      return {0, 28, true};
    case Grade::kCivSupervisor:
      return {4, 28, false};
    case Grade::kCivManager:
      return {8, 30, false};
  }
  return {0, 20, false};
}

// Minimum years of service to be promoted into a grade.
int years_required_for(Grade g) {
  switch (g) {
    case Grade::kDetective:
      return 3;
    case Grade::kSergeant:
      return 5;
    case Grade::kLieutenant:
      return 8;
    case Grade::kCaptain:
      return 12;
    case Grade::kAssistantChief:
      return 15;
    case Grade::kChief:
      return 18;
    case Grade::kCivSupervisor:
      return 2;
    case Grade::kCivManager:
      return 5;
    default:
      return 0;
  }
}

// ---------------------------------------------------------------------------
// Simulation state.

struct Slot {
  Grade grade;
  std::string_view title;
  int target = 0;
  std::vector<int> members;  // person indices
  std::optional<Date> due;   // when a shortfall below target is filled
};

struct UnitState {
  org::Unit unit;
  Leader leader;
  int parent = -1;      // unit index
  int section = -1;     // level-2 ancestor (precinct or section), or -1
  int bureau = -1;      // level-1 ancestor, or -1
  bool patrol = false;  // under a precinct
  std::vector<Slot> slots;
  int holder = -1;          // person holding the position
  std::optional<Date> due;  // when a vacant position is filled
};

struct Person {
  org::Employee emp;
  Grade grade = Grade::kOfficer;
  std::string_view title;
  int unit = -1;  // member of unit/slot, or -1
  int slot = -1;
  int leads = -1;              // unit whose position they hold, or -1
  std::size_t assignment = 0;  // index of the open member or supervisor assignment
  Date last_change;            // start of the open assignment
  Date busy_until;             // away or acting: no moves before this date
  bool separated = false;
  int last_unit = -1;  // where they last worked or led (for schedules)
};

// Builds the unit tree, staffs it, runs the history day by day and emits the
// rows. One instance builds one department.
class DemoBuilder {
 public:
  explicit DemoBuilder(const DemoOptions& options);
  org::OrgData build();

 private:
  // Structure.
  int add_unit(UnitKind kind, std::string code, std::string name, int parent, Leader leader,
               std::vector<SlotSpec> slots = {});
  int add_squad(int parent, const std::string& code, const std::string& name, Grade member, int lo,
                int hi);
  int add_squad_unit(int section, const std::string& code, const std::string& name, Grade member,
                     int squads);
  int add_leaf(int parent, const std::string& code, const std::string& name, Leader leader,
               std::vector<SlotSpec> slots);
  int add_civ_unit(int parent, const std::string& code, const std::string& name,
                   std::string_view title, int n);
  void build_structure();
  void build_patrol(int dept);
  void add_precinct(int bureau, std::string_view code, std::string_view name, int squads);
  void build_investigations(int dept);
  void build_special_operations(int dept);
  void build_administration(int dept);
  void index_transfer_pools();

  // People and assignments.
  int hire(Grade grade, std::string_view title, Date hire_date);
  Date initial_hire_date(Grade grade);
  void staff_initially();
  void open_assignment(int p, int u, AssignmentRole role, Date d);
  void leave_post(int p, Date d);
  void assign_to_slot(int p, int u, int s, Date d);
  void assign_to_position(int p, int u, Date d);
  void add_status(int p, EmployeeStatus status, Date start, std::optional<Date> end);

  // Scheduling of shortfalls.
  Date vacancy_filled_on(Date d);
  Date shortfall_filled_on(int u, Date d);
  bool is_free(const Person& x, Date d) const;
  std::int64_t years_of_service(const Person& x, Date d) const;
  template <typename Pred>
  std::vector<int> candidates(Date d, Pred pred) const;
  int choose_for_position(int u, Date d);
  int choose_for_slot(int u, int s, Date d);
  void fill_position(int u, Date d);
  void fill_slot(int u, int s, Date d);
  void fill_due(Date d);

  // Random history events.
  void run_history();
  void separate_someone(Date d);
  void transfer_someone(Date d);
  void cover_absent_supervisor(Date d);
  void extended_absence(Date d);

  // Output.
  ScheduleType schedule_for(const Person& x);
  std::string_view bargaining_unit_for(const Person& x) const;
  void grant(int p, SpecialRole role);
  void grant_special_roles();
  org::OrgData emit();

  Rng rng_;
  Date today_;
  Date history_start_;
  std::vector<UnitState> units_;
  std::vector<Person> persons_;
  std::vector<Assignment> assignments_;
  std::vector<org::StatusPeriod> statuses_;
  std::vector<org::RoleGrant> roles_;
  // Slots people may transfer between: keyed by grade, title and, for
  // officers, whether the slot is in patrol.
  std::map<std::tuple<Grade, std::string_view, bool>, std::vector<std::pair<int, int>>> pools_;
  // Sergeant- or civilian-supervisor-led units with members (acting candidates).
  std::vector<int> coverable_units_;
  // Units the special roles are drawn from.
  int patrol_bureau_ = -1;
  int inv_bureau_ = -1;
  int opa_ = -1;
  int fit_squad_ = -1;
  int employee_services_ = -1;
  int hr_ = -1;
  int payroll_ = -1;
  int benefits_ = -1;
  int it_systems_ = -1;
};

DemoBuilder::DemoBuilder(const DemoOptions& options)
    : rng_(options.seed),
      today_(options.today),
      history_start_(options.today.minus_months(12 * std::clamp(options.years_of_history, 1, 40))) {
}

org::OrgData DemoBuilder::build() {
  build_structure();
  index_transfer_pools();
  staff_initially();
  run_history();
  grant_special_roles();
  return emit();
}

// ---------------------------------------------------------------------------
// Structure.

int DemoBuilder::add_unit(UnitKind kind, std::string code, std::string name, int parent,
                          Leader leader, std::vector<SlotSpec> slots) {
  UnitState s;
  const int index = static_cast<int>(units_.size());
  s.unit.id = index + 1;
  s.unit.code = std::move(code);
  s.unit.name = std::move(name);
  s.unit.kind = kind;
  s.leader = leader;
  s.parent = parent;
  if (parent >= 0) {
    const UnitState& p = units_[static_cast<std::size_t>(parent)];
    s.unit.parent = p.unit.id;
    s.section = p.section;
    s.bureau = p.bureau;
    s.patrol = p.patrol;
  }
  if (kind == UnitKind::kBureau) s.bureau = index;
  if (kind == UnitKind::kPrecinct || kind == UnitKind::kSection) s.section = index;
  if (kind == UnitKind::kPrecinct) s.patrol = true;
  for (const SlotSpec& spec : slots) s.slots.push_back(Slot{spec.grade, spec.title, spec.target});
  units_.push_back(std::move(s));
  return index;
}

// A sergeant-led squad of `member`s, target strength drawn in [lo, hi].
int DemoBuilder::add_squad(int parent, const std::string& code, const std::string& name,
                           Grade member, int lo, int hi) {
  const int target = static_cast<int>(uniform(rng_, lo, hi));
  return add_unit(UnitKind::kSquad, code, name, parent, sworn(Grade::kSergeant),
                  {sworn_slot(member, target)});
}

// A lieutenant-led unit of `squads` squads named A, B, C...; returns the unit.
int DemoBuilder::add_squad_unit(int section, const std::string& code, const std::string& name,
                                Grade member, int squads) {
  const int unit = add_unit(UnitKind::kUnit, code, name, section, sworn(Grade::kLieutenant));
  for (int i = 0; i < squads; ++i) {
    const std::string letter(1, static_cast<char>('A' + i));
    add_squad(unit, code + "-" + letter, name + " Squad " + letter, member, kSquadMin,
              kSquadMax - 2);
  }
  return unit;
}

int DemoBuilder::add_leaf(int parent, const std::string& code, const std::string& name,
                          Leader leader, std::vector<SlotSpec> slots) {
  return add_unit(UnitKind::kUnit, code, name, parent, leader, std::move(slots));
}

// A civilian team: a civilian supervisor and `n` staff titled `title`.
int DemoBuilder::add_civ_unit(int parent, const std::string& code, const std::string& name,
                              std::string_view title, int n) {
  return add_leaf(parent, code, name, kCivSupervisor, {civ_slot(title, n)});
}

void DemoBuilder::build_structure() {
  const int dept =
      add_unit(UnitKind::kDepartment, "SPD", "Seattle Police Department", -1, sworn(Grade::kChief));
  build_patrol(dept);
  build_investigations(dept);
  build_special_operations(dept);
  build_administration(dept);
}

void DemoBuilder::build_patrol(int dept) {
  patrol_bureau_ = add_unit(UnitKind::kBureau, "PATROL", "Patrol Operations Bureau", dept,
                            sworn(Grade::kAssistantChief),
                            {sworn_slot(Grade::kCaptain, 1), sworn_slot(Grade::kLieutenant, 2),
                             civ_slot("administrative specialist", 2)});
  add_precinct(patrol_bureau_, "N", "North", 8);
  add_precinct(patrol_bureau_, "E", "East", 8);
  add_precinct(patrol_bureau_, "S", "South", 8);
  add_precinct(patrol_bureau_, "W", "West", 8);
  add_precinct(patrol_bureau_, "SW", "Southwest", 7);
  const int crg = add_unit(UnitKind::kSection, "CRG", "Community Response Group", patrol_bureau_,
                           sworn(Grade::kCaptain));
  add_squad_unit(crg, "CRG-U", "Community Response Unit", Grade::kOfficer, 3);
}

// A precinct: three watches of `squads` squads each, plus operations,
// community police and anti-crime teams.
void DemoBuilder::add_precinct(int bureau, std::string_view code, std::string_view name,
                               int squads) {
  static constexpr std::array<std::string_view, 3> kWatchNames{"First", "Second", "Third"};
  const std::string c(code);
  const std::string precinct_name = std::string(name) + " Precinct";
  const int precinct = add_unit(UnitKind::kPrecinct, c, precinct_name, bureau,
                                sworn(Grade::kCaptain), {sworn_slot(Grade::kLieutenant, 1)});
  for (int w = 0; w < 3; ++w) {
    const std::string watch_code = c + "-" + std::to_string(w + 1) + "W";
    const std::string watch_name = precinct_name + " " + std::string(kWatchNames[w]) + " Watch";
    const int watch =
        add_unit(UnitKind::kWatch, watch_code, watch_name, precinct, sworn(Grade::kLieutenant));
    for (int s = 0; s < squads; ++s) {
      const std::string letter(1, static_cast<char>('A' + s));
      add_squad(watch, watch_code + "-" + letter, watch_name + " Squad " + letter, Grade::kOfficer,
                kSquadMin + 1, kSquadMax - 1);
    }
  }
  add_leaf(precinct, c + "-OPS", precinct_name + " Operations", sworn(Grade::kLieutenant),
           {sworn_slot(Grade::kSergeant, 2), civ_slot("administrative specialist", 6)});
  add_leaf(precinct, c + "-CPT", precinct_name + " Community Police Team", sworn(Grade::kSergeant),
           {sworn_slot(Grade::kOfficer, 6)});
  add_leaf(precinct, c + "-ACT", precinct_name + " Anti-Crime Team", sworn(Grade::kSergeant),
           {sworn_slot(Grade::kOfficer, 7)});
}

void DemoBuilder::build_investigations(int dept) {
  const Grade det = Grade::kDetective;
  const Leader sgt = sworn(Grade::kSergeant);
  const Leader lt = sworn(Grade::kLieutenant);
  inv_bureau_ = add_unit(UnitKind::kBureau, "INV", "Investigations Bureau", dept,
                         sworn(Grade::kAssistantChief),
                         {sworn_slot(Grade::kCaptain, 1), sworn_slot(Grade::kLieutenant, 1),
                          civ_slot("administrative specialist", 2)});
  auto section = [&](const char* code, const char* name, Leader leader) {
    return add_unit(UnitKind::kSection, code, name, inv_bureau_, leader);
  };

  const int vc = section("VC", "Violent Crimes Section", sworn(Grade::kCaptain));
  add_squad_unit(vc, "VC-HOM", "Homicide Unit", det, 4);
  add_squad_unit(vc, "VC-ROB", "Robbery Unit", det, 3);
  add_squad_unit(vc, "VC-ASLT", "Assault Unit", det, 3);
  add_leaf(vc, "VC-CSI", "Crime Scene Investigations Unit", sgt, {sworn_slot(det, 8)});

  const int svu = section("SVU", "Special Victims Section", sworn(Grade::kCaptain));
  add_squad_unit(svu, "SVU-SACA", "Sexual Assault and Child Abuse Unit", det, 4);
  add_squad_unit(svu, "SVU-DV", "Domestic Violence Unit", det, 3);
  add_leaf(svu, "SVU-MP", "Missing Persons Unit", sgt, {sworn_slot(det, 7)});
  add_civ_unit(svu, "SVU-VSU", "Victim Support Unit", "victim advocate", 10);

  const int giu = section("GIU", "General Investigations Section", sworn(Grade::kCaptain));
  add_squad_unit(giu, "GIU-BT", "Burglary and Theft Unit", det, 3);
  add_leaf(giu, "GIU-AUTO", "Auto Theft Unit", sgt, {sworn_slot(det, 7)});
  add_leaf(giu, "GIU-FRAUD", "Fraud and Economic Crimes Unit", sgt, {sworn_slot(det, 8)});
  add_leaf(giu, "GIU-PAWN", "Pawn Unit", sgt, {sworn_slot(det, 6)});

  const int ci = section("CI", "Criminal Intelligence Section", sworn(Grade::kCaptain));
  add_squad_unit(ci, "CI-GANG", "Gang Unit", det, 4);
  add_squad_unit(ci, "CI-NARC", "Narcotics Unit", det, 3);
  add_squad_unit(ci, "CI-VICE", "Vice and High Risk Victims Unit", det, 2);
  add_leaf(ci, "CI-INTEL", "Intelligence Unit", lt, {sworn_slot(det, 7)});
  add_leaf(ci, "CI-TESU", "Technical and Electronic Support Unit", sgt,
           {sworn_slot(det, 6), civ_slot("digital forensic examiner", 4)});

  const int fs = section("FS", "Forensic Support Section", kCivManager);
  add_civ_unit(fs, "FS-LPU", "Latent Print Unit", "latent print examiner", 10);
  add_civ_unit(fs, "FS-PHOTO", "Photographic Unit", "forensic photographer", 7);
  add_civ_unit(fs, "FS-EVID-A", "Evidence Unit Day Shift", "evidence technician", 12);
  add_civ_unit(fs, "FS-EVID-B", "Evidence Unit Night Shift", "evidence technician", 10);
  add_civ_unit(fs, "FS-DFU", "Digital Forensics Unit", "digital forensic examiner", 7);

  const int ddp = section("DDP", "Data-Driven Policing Section", kCivManager);
  add_civ_unit(ddp, "DDP-CAU-N", "Crime Analysis Unit North", "crime analyst", 9);
  add_civ_unit(ddp, "DDP-CAU-S", "Crime Analysis Unit South", "crime analyst", 9);
  add_civ_unit(ddp, "DDP-RTCC", "Real Time Crime Center", "crime analyst", 10);
}

void DemoBuilder::build_special_operations(int dept) {
  const Grade off = Grade::kOfficer;
  const Leader sgt = sworn(Grade::kSergeant);
  const Leader lt = sworn(Grade::kLieutenant);
  const int bureau = add_unit(UnitKind::kBureau, "SPECOPS", "Special Operations Bureau", dept,
                              sworn(Grade::kAssistantChief),
                              {sworn_slot(Grade::kCaptain, 1), sworn_slot(Grade::kLieutenant, 1),
                               civ_slot("administrative specialist", 2)});
  auto section = [&](const char* code, const char* name, Leader leader) {
    return add_unit(UnitKind::kSection, code, name, bureau, leader);
  };

  const int traffic = section("TRAF", "Traffic Section", sworn(Grade::kCaptain));
  add_squad_unit(traffic, "TRAF-MOTO", "Motorcycle Unit", off, 4);
  add_squad_unit(traffic, "TRAF-TE", "Traffic Enforcement Unit", off, 3);
  add_leaf(traffic, "TRAF-TCI", "Traffic Collision Investigation Squad", sgt,
           {sworn_slot(Grade::kDetective, 8)});

  const int parking = section("PEU", "Parking Enforcement Section", kCivManager);
  for (int i = 1; i <= 11; ++i) {
    const std::string n = std::to_string(i);
    add_civ_unit(parking, "PEU-" + n, "Parking Enforcement Team " + n,
                 "parking enforcement officer", 11);
  }

  const int tac = section("TAC", "Tactical Section", sworn(Grade::kCaptain));
  add_squad_unit(tac, "TAC-SWAT", "SWAT Unit", off, 4);
  add_squad_unit(tac, "TAC-K9", "K9 Unit", off, 3);
  add_squad_unit(tac, "TAC-HARBOR", "Harbor Unit", off, 3);
  add_leaf(tac, "TAC-ARSON", "Arson and Bomb Squad", lt, {sworn_slot(Grade::kDetective, 8)});
  add_leaf(tac, "TAC-MOUNTED", "Mounted Unit", sgt, {sworn_slot(off, 7)});

  const int hls = section("HLS", "Homeland Security Section", sworn(Grade::kCaptain));
  add_leaf(hls, "HLS-EM", "Emergency Management Unit", lt,
           {sworn_slot(Grade::kSergeant, 1), sworn_slot(off, 2), civ_slot("emergency planner", 5)});
  add_leaf(hls, "HLS-SE", "Special Events Unit", lt,
           {sworn_slot(Grade::kSergeant, 2), sworn_slot(off, 5)});
  add_leaf(hls, "HLS-TRANSIT", "Transit Unit", sgt, {sworn_slot(off, 8)});

  const int cp = section("CP", "Collaborative Policing Section", sworn(Grade::kCaptain));
  add_squad_unit(cp, "CP-CRU", "Crisis Response Unit", off, 3);
  add_leaf(cp, "CP-OUTREACH", "Community Outreach Unit", sgt,
           {sworn_slot(off, 6), civ_slot("community outreach coordinator", 4)});
  add_leaf(cp, "CP-NAV", "Navigation Team", sgt, {sworn_slot(off, 7)});
  for (char c : std::string_view("ABCD")) {
    const std::string letter(1, c);
    add_civ_unit(cp, "CP-CSO-" + letter, "Community Service Officers Team " + letter,
                 "community service officer", 9);
  }
}

void DemoBuilder::build_administration(int dept) {
  const Grade off = Grade::kOfficer;
  const Leader sgt = sworn(Grade::kSergeant);
  const Leader lt = sworn(Grade::kLieutenant);
  const int bureau = add_unit(UnitKind::kBureau, "ADMIN", "Administration Bureau", dept,
                              sworn(Grade::kAssistantChief),
                              {sworn_slot(Grade::kCaptain, 1), sworn_slot(Grade::kLieutenant, 1),
                               civ_slot("administrative specialist", 6)});
  auto section = [&](const char* code, const char* name, Leader leader) {
    return add_unit(UnitKind::kSection, code, name, bureau, leader);
  };

  const int comm = section("COMM", "911 Communications Section", kCivManager);
  static constexpr std::array<std::string_view, 3> kWatchNames{"First", "Second", "Third"};
  for (int w = 0; w < 3; ++w) {
    for (char team : std::string_view("AB")) {
      const std::string code = "COMM-" + std::to_string(w + 1) + "W-";
      const std::string name = "Communications " + std::string(kWatchNames[w]) + " Watch ";
      const std::string t(1, team);
      add_civ_unit(comm, code + "CT" + t, name + "Call Taking " + t, "call taker", 11);
      add_civ_unit(comm, code + "D" + t, name + "Dispatch " + t, "dispatcher", 11);
    }
  }
  add_civ_unit(comm, "COMM-TRN", "Communications Training Unit", "dispatcher", 4);

  const int records = section("REC", "Records Section", kCivManager);
  add_civ_unit(records, "REC-FILES", "Records Files Unit", "records specialist", 12);
  add_civ_unit(records, "REC-DATA", "Data Entry Unit", "data technician", 12);
  add_civ_unit(records, "REC-PDU", "Public Disclosure Unit", "public disclosure specialist", 10);
  add_civ_unit(records, "REC-WARR", "Warrants Unit", "records specialist", 7);
  add_civ_unit(records, "REC-NIGHT", "Records Night Shift", "records specialist", 9);

  hr_ = section("HR", "Human Resources Section", {Grade::kCivManager, "human resources director"});
  add_civ_unit(hr_, "HR-PERS", "Personnel Unit", "human resources specialist", 9);
  employee_services_ =
      add_leaf(hr_, "HR-ES", "Employee Services Unit", lt,
               {sworn_slot(Grade::kSergeant, 1), civ_slot("human resources specialist", 5)});
  payroll_ = add_civ_unit(hr_, "HR-PAY", "Payroll Unit", "payroll specialist", 7);
  benefits_ = add_civ_unit(hr_, "HR-BEN", "Benefits and Leave Unit", "benefits specialist", 6);
  add_leaf(hr_, "HR-RECRUIT", "Recruiting Unit", sgt,
           {sworn_slot(off, 4), civ_slot("recruiter", 4)});

  const int fiscal = section("FISCAL", "Fiscal Section", kCivManager);
  add_civ_unit(fiscal, "FISCAL-BUDGET", "Budget Unit", "budget analyst", 7);
  add_civ_unit(fiscal, "FISCAL-ACCT", "Accounting Unit", "accountant", 9);
  add_civ_unit(fiscal, "FISCAL-GRANTS", "Grants and Contracts Unit", "grants specialist", 6);
  add_civ_unit(fiscal, "FISCAL-FLEET", "Fleet and Facilities Unit", "facilities technician", 12);

  const int it = section("IT", "Information Technology Section", kCivManager);
  add_civ_unit(it, "IT-SD", "Service Desk", "IT specialist", 11);
  it_systems_ = add_civ_unit(it, "IT-SYS", "Systems Unit", "systems administrator", 9);
  add_civ_unit(it, "IT-APPS", "Applications Unit", "software developer", 10);
  add_civ_unit(it, "IT-VIDEO", "Body-Worn Video Unit", "video technician", 7);

  const int training = section("TRN", "Education and Training Section", sworn(Grade::kCaptain));
  add_squad_unit(training, "TRN-ACAD", "Police Academy", off, 2);
  add_leaf(training, "TRN-ADV", "Advanced Training Unit", sgt, {sworn_slot(off, 7)});
  add_leaf(training, "TRN-RANGE", "Firearms Range", sgt, {sworn_slot(off, 6)});
  add_civ_unit(training, "TRN-ADMIN", "Training Administration", "administrative specialist", 6);

  opa_ = section("OPA", "Office of Police Accountability", {Grade::kCivManager, "OPA director"});
  add_leaf(opa_, "OPA-INV", "OPA Sworn Investigations", lt, {sworn_slot(Grade::kSergeant, 12)});
  add_civ_unit(opa_, "OPA-CIV", "OPA Civilian Investigations", "investigator", 9);
  add_civ_unit(opa_, "OPA-INTAKE", "OPA Intake", "intake specialist", 6);

  const int psb = section("PSB", "Professional Standards Section", sworn(Grade::kCaptain));
  const int fit = add_squad_unit(psb, "PSB-FIT", "Force Investigation Team", Grade::kDetective, 2);
  fit_squad_ = fit + 1;  // squad A is created right after its unit
  add_leaf(psb, "PSB-BKG", "Background Investigations Unit", sgt,
           {sworn_slot(Grade::kDetective, 7)});
  add_civ_unit(psb, "PSB-AUDIT", "Audit and Policy Unit", "policy analyst", 7);
  add_leaf(psb, "PSB-PA", "Public Affairs Unit", lt,
           {sworn_slot(off, 2), civ_slot("public information officer", 5)});
  add_civ_unit(psb, "PSB-LEGAL", "Legal Unit", "legal advisor", 6);
}

void DemoBuilder::index_transfer_pools() {
  for (int u = 0; u < static_cast<int>(units_.size()); ++u) {
    const UnitState& us = units_[static_cast<std::size_t>(u)];
    for (int s = 0; s < static_cast<int>(us.slots.size()); ++s) {
      const Slot& slot = us.slots[static_cast<std::size_t>(s)];
      const bool patrol = slot.grade == Grade::kOfficer && us.patrol;
      pools_[{slot.grade, slot.title, patrol}].emplace_back(u, s);
    }
    const bool first_line =
        us.leader.grade == Grade::kSergeant || us.leader.grade == Grade::kCivSupervisor;
    if (first_line && !us.slots.empty()) coverable_units_.push_back(u);
  }
}

// ---------------------------------------------------------------------------
// People and assignments.

int DemoBuilder::hire(Grade grade, std::string_view title, Date hire_date) {
  const int index = static_cast<int>(persons_.size());
  Person x;
  x.emp.id = index + 1;
  x.emp.serial = std::to_string(10000 + index + 1);
  x.emp.last_name = std::string(pick(rng_, kLastNames));
  x.emp.first_name = std::string(pick(rng_, kFirstNames));
  x.emp.category = is_sworn(grade) ? Category::kSworn : Category::kCivilian;
  x.emp.hire_date = hire_date;
  x.grade = grade;
  x.title = title;
  x.last_change = hire_date.plus_days(-1);
  x.busy_until = hire_date;
  persons_.push_back(std::move(x));
  return index;
}

Date DemoBuilder::initial_hire_date(Grade grade) {
  const ServiceRange r = initial_service(grade);
  const std::int64_t lo = r.lo * kDaysPerYear;
  const std::int64_t hi = r.hi * kDaysPerYear - 1;
  std::int64_t days = uniform(rng_, lo, hi);
  if (r.skew) days = std::min(days, uniform(rng_, lo, hi));
  return history_start_.plus_days(-days);
}

// Everyone in post when history starts, each assignment starting up to three
// years before that (never before their hire date).
void DemoBuilder::staff_initially() {
  auto first_start = [&](Date hire_date) {
    const Date earliest = max_date(hire_date, history_start_.plus_days(-3 * kDaysPerYear));
    return earliest.plus_days(uniform(rng_, 0, days_between(earliest, history_start_)));
  };
  for (int u = 0; u < static_cast<int>(units_.size()); ++u) {
    const Leader leader = units_[static_cast<std::size_t>(u)].leader;
    const int head = hire(leader.grade, leader.title, initial_hire_date(leader.grade));
    assign_to_position(head, u,
                       first_start(persons_[static_cast<std::size_t>(head)].emp.hire_date));
    const auto slot_count = static_cast<int>(units_[static_cast<std::size_t>(u)].slots.size());
    for (int s = 0; s < slot_count; ++s) {
      const Slot& slot = units_[static_cast<std::size_t>(u)].slots[static_cast<std::size_t>(s)];
      const Grade grade = slot.grade;
      const std::string_view title = slot.title;
      for (int i = 0; i < slot.target; ++i) {
        const int p = hire(grade, title, initial_hire_date(grade));
        assign_to_slot(p, u, s, first_start(persons_[static_cast<std::size_t>(p)].emp.hire_date));
      }
    }
  }
}

void DemoBuilder::open_assignment(int p, int u, AssignmentRole role, Date d) {
  Person& x = persons_[static_cast<std::size_t>(p)];
  Assignment a;
  a.id = static_cast<std::int64_t>(assignments_.size()) + 1;
  a.employee = x.emp.id;
  a.unit = units_[static_cast<std::size_t>(u)].unit.id;
  a.role = role;
  a.span = DateSpan{d, std::nullopt};
  x.assignment = assignments_.size();
  x.last_change = d;
  x.last_unit = u;
  assignments_.push_back(std::move(a));
}

// Ends p's open member or supervisor assignment on d (exclusive) and records
// the shortfall or vacancy it leaves. Requires p.last_change < d.
void DemoBuilder::leave_post(int p, Date d) {
  Person& x = persons_[static_cast<std::size_t>(p)];
  if (x.unit < 0 && x.leads < 0) return;
  assignments_[x.assignment].span.end_exclusive = d;
  if (x.unit >= 0) {
    const int u = x.unit;
    Slot& slot = units_[static_cast<std::size_t>(u)].slots[static_cast<std::size_t>(x.slot)];
    slot.members.erase(std::find(slot.members.begin(), slot.members.end(), p));
    x.unit = -1;
    x.slot = -1;
    if (static_cast<int>(slot.members.size()) < slot.target) {
      const Date when = shortfall_filled_on(u, d);
      slot.due = slot.due ? min_date(*slot.due, when) : when;
    }
  } else {
    UnitState& us = units_[static_cast<std::size_t>(x.leads)];
    us.holder = -1;
    us.due = vacancy_filled_on(d);
    x.leads = -1;
  }
}

// Moves p into slot s of unit u on d, taking the slot's grade and title
// (a promotion, a transfer, or an officer becoming a detective).
void DemoBuilder::assign_to_slot(int p, int u, int s, Date d) {
  leave_post(p, d);
  Slot& slot = units_[static_cast<std::size_t>(u)].slots[static_cast<std::size_t>(s)];
  Person& x = persons_[static_cast<std::size_t>(p)];
  x.grade = slot.grade;
  x.title = slot.title;
  x.unit = u;
  x.slot = s;
  slot.members.push_back(p);
  open_assignment(p, u, AssignmentRole::kMember, d);
}

// Makes p the permanent holder of unit u's vacant position on d.
void DemoBuilder::assign_to_position(int p, int u, Date d) {
  leave_post(p, d);
  UnitState& us = units_[static_cast<std::size_t>(u)];
  Person& x = persons_[static_cast<std::size_t>(p)];
  x.grade = us.leader.grade;
  x.title = us.leader.title;
  x.leads = u;
  us.holder = p;
  us.due.reset();
  open_assignment(p, u, AssignmentRole::kSupervisor, d);
}

void DemoBuilder::add_status(int p, EmployeeStatus status, Date start, std::optional<Date> end) {
  org::StatusPeriod s;
  s.id = static_cast<std::int64_t>(statuses_.size()) + 1;
  s.employee = persons_[static_cast<std::size_t>(p)].emp.id;
  s.status = status;
  s.span = DateSpan{start, end};
  statuses_.push_back(s);
}

// ---------------------------------------------------------------------------
// Filling vacancies and shortfalls.

// A position vacated on d stays vacant for 3..45 days, but is filled by today.
Date DemoBuilder::vacancy_filled_on(Date d) {
  return min_date(d.plus_days(uniform(rng_, 3, 45)), today_);
}

// A team below target on d is topped up 7..60 days later (by today at the
// latest), or the same day if a squad would otherwise drop below kSquadMin.
Date DemoBuilder::shortfall_filled_on(int u, Date d) {
  const UnitState& us = units_[static_cast<std::size_t>(u)];
  if (us.unit.kind == UnitKind::kSquad &&
      static_cast<int>(us.slots.front().members.size()) < kSquadMin) {
    return d;
  }
  return min_date(d.plus_days(uniform(rng_, 7, 60)), today_);
}

// Available for a move on d: employed, not away or acting, and not already
// moved on d (so no assignment is empty).
bool DemoBuilder::is_free(const Person& x, Date d) const {
  return !x.separated && x.busy_until <= d && x.last_change < d;
}

std::int64_t DemoBuilder::years_of_service(const Person& x, Date d) const {
  return days_between(x.emp.hire_date, d) / kDaysPerYear;
}

template <typename Pred>
std::vector<int> DemoBuilder::candidates(Date d, Pred pred) const {
  std::vector<int> out;
  for (int p = 0; p < static_cast<int>(persons_.size()); ++p) {
    const Person& x = persons_[static_cast<std::size_t>(p)];
    if (is_free(x, d) && pred(x)) out.push_back(p);
  }
  return out;
}

// Who fills unit u's position on d, or -1 to hire from outside. Sworn
// positions go to the grade below (a quarter of sergeant positions to a staff
// sergeant); civilian ones to staff of the same section when possible.
int DemoBuilder::choose_for_position(int u, Date d) {
  const UnitState& us = units_[static_cast<std::size_t>(u)];
  const Grade grade = us.leader.grade;
  const std::int64_t years = years_required_for(grade);
  auto with = [&](std::initializer_list<Grade> from, bool same_section, bool members_only) {
    return candidates(d, [&](const Person& x) {
      if (std::find(from.begin(), from.end(), x.grade) == from.end()) return false;
      if (members_only && x.unit < 0) return false;
      if (years_of_service(x, d) < years) return false;
      if (!same_section) return true;
      const int at = x.unit >= 0 ? x.unit : x.leads;
      return units_[static_cast<std::size_t>(at)].section == us.section;
    });
  };
  std::vector<int> pool;
  switch (grade) {
    case Grade::kSergeant:
      if (chance(rng_, 1, 4)) pool = with({Grade::kSergeant}, false, true);
      if (pool.empty()) pool = with({Grade::kOfficer, Grade::kDetective}, false, false);
      break;
    case Grade::kLieutenant:
      pool = with({Grade::kSergeant}, false, false);
      break;
    case Grade::kCaptain:
      pool = with({Grade::kLieutenant}, false, false);
      break;
    case Grade::kAssistantChief:
      pool = with({Grade::kCaptain}, false, false);
      break;
    case Grade::kChief:
      pool = with({Grade::kAssistantChief}, false, false);
      break;
    case Grade::kCivSupervisor:
      if (chance(rng_, 3, 4)) pool = with({Grade::kCivStaff}, true, false);
      break;
    case Grade::kCivManager:
      if (chance(rng_, 3, 5)) pool = with({Grade::kCivSupervisor}, true, false);
      break;
    default:
      break;
  }
  return pool.empty() ? -1 : pick(rng_, pool);
}

// Who fills a place in slot s of unit u on d, or -1 to hire from outside.
// Patrol officers and most civilians are new hires; specialist officers and
// detectives come from patrol; staff sergeants and above are promoted.
int DemoBuilder::choose_for_slot(int u, int s, Date d) {
  const Slot& slot = units_[static_cast<std::size_t>(u)].slots[static_cast<std::size_t>(s)];
  const std::int64_t years = years_required_for(slot.grade);
  auto with = [&](Grade from, std::int64_t min_years, std::optional<bool> patrol) {
    return candidates(d, [&](const Person& x) {
      if (x.grade != from || x.unit == u || years_of_service(x, d) < min_years) return false;
      if (!patrol) return true;
      const int at = x.unit >= 0 ? x.unit : x.leads;
      return at >= 0 && units_[static_cast<std::size_t>(at)].patrol == *patrol;
    });
  };
  std::vector<int> pool;
  switch (slot.grade) {
    case Grade::kOfficer:
      if (!units_[static_cast<std::size_t>(u)].patrol) pool = with(Grade::kOfficer, 3, true);
      break;
    case Grade::kDetective:
      pool = chance(rng_, 7, 10) ? with(Grade::kOfficer, years, true)
                                 : with(Grade::kDetective, 0, std::nullopt);
      break;
    case Grade::kSergeant: {
      pool = with(Grade::kOfficer, years, std::nullopt);
      auto detectives = with(Grade::kDetective, years, std::nullopt);
      pool.insert(pool.end(), detectives.begin(), detectives.end());
      break;
    }
    case Grade::kLieutenant:
      pool = with(Grade::kSergeant, years, std::nullopt);
      break;
    case Grade::kCaptain:
      pool = with(Grade::kLieutenant, years, std::nullopt);
      break;
    case Grade::kCivStaff:
      if (chance(rng_, 1, 5)) {
        pool = candidates(d, [&](const Person& x) {
          return x.grade == Grade::kCivStaff && x.title == slot.title && x.unit != u && x.unit >= 0;
        });
      }
      break;
    default:
      break;
  }
  return pool.empty() ? -1 : pick(rng_, pool);
}

void DemoBuilder::fill_position(int u, Date d) {
  int p = choose_for_position(u, d);
  if (p < 0) {
    const Leader leader = units_[static_cast<std::size_t>(u)].leader;
    p = hire(leader.grade, leader.title, d);
  }
  assign_to_position(p, u, d);
}

void DemoBuilder::fill_slot(int u, int s, Date d) {
  auto& slot = units_[static_cast<std::size_t>(u)].slots[static_cast<std::size_t>(s)];
  slot.due.reset();
  while (static_cast<int>(slot.members.size()) < slot.target) {
    int p = choose_for_slot(u, s, d);
    if (p < 0) p = hire(slot.grade, slot.title, d);
    assign_to_slot(p, u, s, d);
  }
}

// Fills every vacancy and shortfall due on or before d, including those the
// fills themselves cause on d (promotion chains on the last day).
void DemoBuilder::fill_due(Date d) {
  for (bool again = true; again;) {
    again = false;
    for (int u = 0; u < static_cast<int>(units_.size()); ++u) {
      UnitState& us = units_[static_cast<std::size_t>(u)];
      if (us.holder < 0 && us.due && *us.due <= d) {
        fill_position(u, d);
        again = true;
      }
      for (int s = 0; s < static_cast<int>(us.slots.size()); ++s) {
        const Slot& slot = us.slots[static_cast<std::size_t>(s)];
        if (slot.due && *slot.due <= d) {
          fill_slot(u, s, d);
          again = true;
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------
// History.

// Day by day from the day after history starts through today: random events
// on each day before today, then the fills due that day. Today gets no new
// events, only the fills that bring every team and position up to strength.
void DemoBuilder::run_history() {
  for (Date d = history_start_.plus_days(1); d <= today_; d = d.plus_days(1)) {
    if (d < today_) {
      for (int n = events_on_day(rng_, 3300); n > 0; --n) separate_someone(d);
      for (int n = events_on_day(rng_, 2500); n > 0; --n) transfer_someone(d);
      for (int n = events_on_day(rng_, 400); n > 0; --n) cover_absent_supervisor(d);
      for (int n = events_on_day(rng_, 450); n > 0; --n) extended_absence(d);
    }
    fill_due(d);
  }
}

// Someone leaves the department on d: half the time a retirement (20+ years of
// service, the longer-serving of two picks), otherwise a resignation or other
// separation of anyone available.
void DemoBuilder::separate_someone(Date d) {
  int p = -1;
  if (chance(rng_, 1, 2)) {
    const auto retirees =
        candidates(d, [&](const Person& x) { return years_of_service(x, d) >= 20; });
    if (!retirees.empty()) {
      const int a = pick(rng_, retirees);
      const int b = pick(rng_, retirees);
      const auto& pa = persons_[static_cast<std::size_t>(a)];
      const auto& pb = persons_[static_cast<std::size_t>(b)];
      p = pa.emp.hire_date <= pb.emp.hire_date ? a : b;
    }
  }
  for (int tries = 0; p < 0 && tries < 20; ++tries) {
    const auto q =
        static_cast<int>(uniform(rng_, 0, static_cast<std::int64_t>(persons_.size()) - 1));
    if (is_free(persons_[static_cast<std::size_t>(q)], d)) p = q;
  }
  if (p < 0) return;
  leave_post(p, d);
  persons_[static_cast<std::size_t>(p)].separated = true;
  add_status(p, EmployeeStatus::kSeparated, d, std::nullopt);
}

// A member moves to another team of the same kind on d: into a team below
// target, or swapping places with a member of a full one. Patrol officers move
// between patrol squads (often across precincts).
void DemoBuilder::transfer_someone(Date d) {
  const auto p = static_cast<int>(uniform(rng_, 0, static_cast<std::int64_t>(persons_.size()) - 1));
  const Person& x = persons_[static_cast<std::size_t>(p)];
  if (!is_free(x, d) || x.unit < 0) return;
  if (x.grade != Grade::kOfficer && x.grade != Grade::kDetective && x.grade != Grade::kCivStaff) {
    return;
  }
  const int from_unit = x.unit;
  const int from_slot = x.slot;
  const bool patrol = x.grade == Grade::kOfficer && units_[static_cast<std::size_t>(x.unit)].patrol;
  const auto& pool = pools_.at({x.grade, x.title, patrol});
  const auto [to_unit, to_slot] = pick(rng_, pool);
  if (to_unit == from_unit) return;
  const Slot& dest =
      units_[static_cast<std::size_t>(to_unit)].slots[static_cast<std::size_t>(to_slot)];
  if (static_cast<int>(dest.members.size()) < dest.target) {
    assign_to_slot(p, to_unit, to_slot, d);
    return;
  }
  std::vector<int> partners;
  for (int q : dest.members) {
    if (is_free(persons_[static_cast<std::size_t>(q)], d)) partners.push_back(q);
  }
  if (partners.empty()) return;
  const int q = pick(rng_, partners);
  assign_to_slot(p, to_unit, to_slot, d);
  assign_to_slot(q, from_unit, from_slot, d);
}

// A first-line supervisor is away from d for a few weeks (half the time on an
// extended absence); a senior member of the team acts in the position
// meanwhile. Both stay put until the supervisor returns.
void DemoBuilder::cover_absent_supervisor(Date d) {
  const int u = pick(rng_, coverable_units_);
  const UnitState& us = units_[static_cast<std::size_t>(u)];
  if (us.holder < 0 || !is_free(persons_[static_cast<std::size_t>(us.holder)], d)) return;
  std::vector<int> acting;
  for (const Slot& slot : us.slots) {
    if (slot.grade != Grade::kOfficer && slot.grade != Grade::kDetective &&
        slot.grade != Grade::kCivStaff) {
      continue;
    }
    for (int q : slot.members) {
      const Person& y = persons_[static_cast<std::size_t>(q)];
      if (is_free(y, d) && years_of_service(y, d) >= 3) acting.push_back(q);
    }
  }
  if (acting.empty()) return;
  const int q = pick(rng_, acting);
  const bool extended = chance(rng_, 1, 2);
  const Date back = d.plus_days(extended ? uniform(rng_, 30, 120) : uniform(rng_, 14, 35));
  if (extended) add_status(us.holder, EmployeeStatus::kExtendedAbsence, d, back);
  Assignment a;
  a.id = static_cast<std::int64_t>(assignments_.size()) + 1;
  a.employee = persons_[static_cast<std::size_t>(q)].emp.id;
  a.unit = us.unit.id;
  a.role = AssignmentRole::kSupervisor;
  a.acting = true;
  a.span = DateSpan{d, back};
  assignments_.push_back(std::move(a));
  persons_[static_cast<std::size_t>(us.holder)].busy_until = back;
  persons_[static_cast<std::size_t>(q)].busy_until = back;
}

// A member goes on extended absence (injury, family leave) for 1..6 months.
void DemoBuilder::extended_absence(Date d) {
  const auto p = static_cast<int>(uniform(rng_, 0, static_cast<std::int64_t>(persons_.size()) - 1));
  Person& x = persons_[static_cast<std::size_t>(p)];
  if (!is_free(x, d) || x.unit < 0) return;
  const Date back = d.plus_days(uniform(rng_, 30, 180));
  add_status(p, EmployeeStatus::kExtendedAbsence, d, back);
  x.busy_until = back;
}

// ---------------------------------------------------------------------------
// Output.

ScheduleType DemoBuilder::schedule_for(const Person& x) {
  const UnitState* at = x.last_unit >= 0 ? &units_[static_cast<std::size_t>(x.last_unit)] : nullptr;
  const bool patrol_squad =
      at != nullptr && at->patrol &&
      (at->unit.kind == UnitKind::kSquad || at->unit.kind == UnitKind::kWatch);
  switch (x.grade) {
    case Grade::kOfficer:
    case Grade::kSergeant:
      if (patrol_squad) return chance(rng_, 9, 10) ? ScheduleType::k4_2 : ScheduleType::k4_10;
      return chance(rng_, 1, 2) ? ScheduleType::k4_10 : ScheduleType::k5_8;
    case Grade::kDetective:
      return chance(rng_, 3, 5) ? ScheduleType::k5_8 : ScheduleType::k4_10;
    case Grade::kLieutenant:
      if (patrol_squad) return ScheduleType::k4_2;
      return chance(rng_, 7, 10) ? ScheduleType::k5_8 : ScheduleType::k9_80;
    case Grade::kCaptain:
      return chance(rng_, 7, 10) ? ScheduleType::k5_8 : ScheduleType::k9_80;
    case Grade::kAssistantChief:
    case Grade::kChief:
      return ScheduleType::k5_8;
    default:
      break;
  }
  if (x.title == "dispatcher" || x.title == "call taker") {
    return chance(rng_, 3, 5) ? ScheduleType::k24Hour : ScheduleType::k4_10;
  }
  if (x.title == "parking enforcement officer") return ScheduleType::k4_10;
  return chance(rng_, 13, 20) ? ScheduleType::k5_8 : ScheduleType::k9_80;
}

std::string_view DemoBuilder::bargaining_unit_for(const Person& x) const {
  switch (x.grade) {
    case Grade::kOfficer:
    case Grade::kDetective:
    case Grade::kSergeant:
      return "SPOG";
    case Grade::kLieutenant:
    case Grade::kCaptain:
      return "SPMA";
    case Grade::kAssistantChief:
    case Grade::kChief:
    case Grade::kCivManager:
      return "non-represented";
    default:
      break;
  }
  static constexpr std::array<std::string_view, 5> kTeamsters{
      "dispatcher", "call taker", "parking enforcement officer", "evidence technician",
      "facilities technician"};
  const bool teamsters =
      std::find(kTeamsters.begin(), kTeamsters.end(), x.title) != kTeamsters.end();
  return teamsters ? "Teamsters 117" : "Local 17";
}

// Grants `role` to p (a person index; -1 grants nothing) from the start of
// their current post, open-ended.
void DemoBuilder::grant(int p, SpecialRole role) {
  if (p < 0) return;
  const Person& x = persons_[static_cast<std::size_t>(p)];
  org::RoleGrant g;
  g.id = static_cast<std::int64_t>(roles_.size()) + 1;
  g.employee = x.emp.id;
  g.role = role;
  g.span = DateSpan{x.last_change, std::nullopt};
  roles_.push_back(g);
}

// Grants the special roles from the posts people hold at the end of history.
// On today every position is filled and every team at target, so every role
// finds its holder; a missing one would simply not be granted.
void DemoBuilder::grant_special_roles() {
  auto holder = [&](int u) { return units_[static_cast<std::size_t>(u)].holder; };
  // The i-th member of unit u's first slot, or -1.
  auto member = [&](int u, std::size_t i) {
    const auto& members = units_[static_cast<std::size_t>(u)].slots.front().members;
    return i < members.size() ? members[i] : -1;
  };
  const int coordinator = member(employee_services_, 0);  // the staff sergeant
  grant(coordinator, SpecialRole::kPerformanceMentoringCoordinator);
  for (int p : {holder(patrol_bureau_), holder(inv_bureau_), holder(opa_), holder(fit_squad_),
                holder(employee_services_), coordinator}) {
    grant(p, SpecialRole::kPmpCommittee);
  }
  grant(holder(payroll_), SpecialRole::kPayroll);
  for (std::size_t i = 0; i < 3; ++i) grant(member(payroll_, i), SpecialRole::kPayroll);
  grant(holder(hr_), SpecialRole::kHrDirector);
  grant(member(benefits_, 0), SpecialRole::kFmlCoordinator);
  const auto senior_officers = candidates(today_.plus_days(1), [&](const Person& x) {
    return x.grade == Grade::kOfficer && years_of_service(x, today_) >= 10;
  });
  if (!senior_officers.empty()) grant(pick(rng_, senior_officers), SpecialRole::kGuildPresident);
  grant(holder(it_systems_), SpecialRole::kAdministrator);
  grant(member(it_systems_, 0), SpecialRole::kAdministrator);
}

org::OrgData DemoBuilder::emit() {
  org::OrgData out;
  out.units.reserve(units_.size());
  for (const UnitState& us : units_) out.units.push_back(us.unit);
  out.employees.reserve(persons_.size());
  for (Person& x : persons_) {
    x.emp.rank = std::string(x.title);
    x.emp.bargaining_unit = std::string(bargaining_unit_for(x));
    x.emp.schedule = schedule_for(x);
    out.employees.push_back(x.emp);
  }
  out.assignments = std::move(assignments_);
  out.statuses = std::move(statuses_);
  out.roles = std::move(roles_);
  return out;
}

}  // namespace

org::OrgData build_demo_department(const DemoOptions& options) {
  return DemoBuilder(options).build();
}

}  // namespace rollcall::app
