// Common given names in the largest groups of the case projects (Syria, Eritrea, Somalia,
// Afghanistan, Iraq, Pakistan, Ethiopia, Sudan, Iran) and in Norway, written by the project for the
// participant reports' identifier check (see docs/decisions/reports-identifiers.md). One source of
// the name gazetteer (app/names/data/SOURCES.md).
export const COMMON_GIVEN_NAMES: readonly string[] = [
  // Arabic, Somali, Dari/Pashto, Urdu, Farsi
  "Mohammad", "Mohammed", "Muhammad", "Mohamed", "Mohamad", "Muhammed", "Ahmad", "Ahmed", "Ali", "Omar", "Umar",
  "Hassan", "Hasan", "Hussein", "Hussain", "Husein", "Mahmoud", "Mahmood", "Mustafa", "Mostafa", "Khaled", "Khalid",
  "Abdullah", "Abdallah", "Abdi", "Abdirahman", "Abdulrahman", "Abdul", "Yusuf", "Yousef", "Youssef", "Ibrahim",
  "Ismail", "Hamid", "Rashid", "Karim", "Samir", "Tariq", "Bilal", "Imran", "Faisal", "Usman", "Osman", "Hamza",
  "Jamal", "Nabil", "Walid", "Waleed", "Majid", "Saeed", "Zakaria", "Idris", "Anwar", "Jawad", "Farid", "Reza",
  "Mehdi", "Javad", "Nasir", "Naser", "Qasim", "Kassim", "Abdikadir", "Mahad", "Liban", "Guled", "Farhan",
  "Zainab", "Zaynab", "Fatima", "Fatuma", "Fadumo", "Fatemeh", "Aisha", "Aysha", "Ayesha", "Amina", "Aminah",
  "Maryam", "Mariam", "Khadija", "Khadijah", "Halima", "Hawa", "Asha", "Hodan", "Sahra", "Layla", "Leila", "Laila",
  "Noor", "Nour", "Rania", "Yasmin", "Yasmina", "Jasmin", "Samira", "Nadia", "Hana", "Huda", "Shirin", "Shabnam",
  "Parwin", "Zahra", "Zohra", "Jamila", "Nasrin", "Ayan", "Hibo", "Sadia", "Shazia", "Nazia", "Rukhsana", "Farah",
  "Sana", "Saima", "Nasima", "Hafsa", "Ruqia", "Sumaya", "Sumaiya", "Samia", "Ilham", "Iman", "Amal", "Reem",
  "Ghada", "Safia", "Warsan", "Ifrah", "Ubah", "Deqa", "Khalida", "Malalai", "Mahbooba", "Gulalai", "Parveen",
  // Tigrinya, Amharic
  "Rahel", "Senait", "Tesfaye", "Yonas", "Yohannes", "Dawit", "Kibrom", "Mehari", "Tekle", "Berhane", "Habtom",
  "Filmon", "Semere", "Selam", "Saba", "Almaz", "Tsehay", "Mulu", "Abeba", "Freweini", "Helen", "Haben",
  "Aster", "Tigist", "Meron", "Mekdes", "Hiwet", "Letay", "Yordanos", "Biniam", "Merhawi", "Tesfit", "Goitom",
  "Daniel", "Samuel", "Solomon", "Yemane", "Kidane", "Amanuel", "Eyob", "Fiori", "Luwam", "Elsa", "Winta",
  // Norwegian
  "Ole", "Lars", "Kari", "Ingrid", "Anne", "Jon", "Knut", "Nils", "Bjørn", "Arne", "Kjell", "Svein", "Marit",
  "Astrid", "Silje", "Ida", "Hilde", "Randi", "Berit", "Trond", "Geir", "Espen", "Anders", "Erik", "Thomas",
  "Kristian", "Ola", "Nora", "Emma", "Sofie", "Ingeborg", "Solveig", "Gunnar", "Terje", "Morten", "Ragnhild",
];
