"""First names and surnames of the UK's nations and its main minority-ethnic communities, written by hand for
the name gazetteer (tests/portfolio/make_gazetteer.py merges them with Faker's lists) and the recall set.

Sources: general knowledge of the names common in each community (ONS and NRS baby-name lists, the most common
surnames by nation); spelled as people in the UK write them, accents kept (the anonymiser folds accents).
"""

FIRST = {
    "scottish": """Mhairi Eilidh Ailsa Morag Catriona Kirsty Isla Iona Shona Seonaid Seonag Morven Rhona Ishbel Ealasaid
        Fionnghuala Fionnuala Marsaili Kenna Lorna Innes Murdo Ruaridh Ruairidh Ruaraidh Alasdair Alastair Alistair
        Hamish Lachlan Callum Calum Euan Ewan Angus Fraser Struan Gregor Torquil Tormod Somhairle Sorley Seumas Seamus
        Iain Ian Ross Craig Kenneth Dougal Dugald Fergus Finlay Findlay Duncan Malcolm Murray Niall Neil Rory Ruairi
        Donald Domhnall Coinneach Uilleam Eachann Hector Archie Ally Gillespie Gilleasbuig Tavish Keir Kyle Blair
        Ewen Iagan Artair Catrìona Màiri Oighrig Peigi Peigi Beathag Curstaidh Ciorstaidh Raonaid Sìne Seònag
        Ailie Aileen Elspeth Effie Jessie Jinty Senga Nessa Greer Skye Rowan Kelsey Lynsey Lindsay Mairead Mairi
        Sorcha Muireall Muriel Moira Annag Deirdre Teàrlach Dòmhnall Ruairidh""",
    "welsh": """Ffion Cerys Carys Lowri Bethan Siân Sian Gwen Gwenllian Gwenno Gwyneth Nia Nerys Non Mared Megan Elin
        Eleri Llinos Rhiannon Angharad Catrin Heledd Manon Mali Seren Tegan Alaw Awen Efa Elain Enfys Glesni Hafwen
        Heulwen Lleucu Lois Mererid Meinir Menna Morfudd Nest Nesta Olwen Rhian Rhianwen Rhonwen Sioned Siwan Tirion
        Tesni Dilys Eirlys Eluned Gwladys Myfanwy Blodwen Bronwen Branwen Ceridwen Delyth Eirian Ffion Caryl
        Rhys Rees Gethin Dafydd Dewi Dai Iwan Ieuan Ioan Osian Tomos Aled Emyr Gareth Geraint Gruffydd Gruffudd Hywel
        Huw Idris Ifan Iolo Islwyn Llywelyn Llewelyn Macsen Math Meilyr Owain Peredur Rhodri Rhydian Steffan Taliesin
        Tudur Trystan Tristan Wyn Gwyn Bryn Caradog Cadfael Cai Cynan Deiniol Elis Emlyn Euros Garmon Glyn Goronwy
        Guto Gwilym Harri Heddwyn Ianto Iestyn Ifor Ithel Lewys Madog Morgan Myrddin Nefydd Sion Siôn Tecwyn Teilo
        Twm Wil Alun Arwel Berwyn Bedwyr Cledwyn Dyfan Dyfed Elgan Eifion Gwion Hefin Ieuan Meirion Rhun Tegid""",
    "irish": """Siobhán Siobhan Aoife Niamh Caoimhe Saoirse Róisín Roisin Sinéad Sinead Orla Orlaith Clodagh Gráinne
        Grainne Éabha Eabha Aisling Ashling Ailbhe Aoibheann Aoibhinn Bríd Brid Bríghid Ciara Clíodhna Cliona Dearbhla
        Deirbhile Éadaoin Eimear Emer Fiadh Fionnuala Nuala Laoise Máire Maire Máiréad Mairead Méabh Meabh Maeve
        Muireann
        Nóra Nora Nollaig Órfhlaith Póilín Pádraigín Riona Ríonach Sadhbh Saorla Síle Sile Sorcha Treasa Úna Una
        Ciarán Ciaran Pádraig Padraig Oisín Oisin Seán Sean Eoin Fionn Cian Darragh Tadhg Ruairí Ruairi Cathal
        Colm Conall Conor Connor Cormac Daithí Daithi Dara Dónal Donal Eamon Éamonn Eamonn Enda Feidhlim Feargal
        Fergal Fiachra Lorcan Malachy Mícheál Micheal Naoise Niall Odhrán Oran Peadar Proinsias Rónán Ronan Ruadhán
        Séamus Seamus Seosamh Shay Tiernan Tomás Tomas Turlough Cillian Killian Caolán Caolan Senan Diarmuid Dermot
        Donncha Donnacha Brendan Declan Kieran Kevin Aidan Aodhán Aodh Ultan Colmán Rory Shane Fintan Ferdia""",
    "english": """Barnaby Bartholomew Benedict Crispin Digby Jasper Jolyon Peregrine Piers Rupert Quentin Hugo Horatio
        Giles Humphrey Octavia Persephone Tabitha Tamsin Araminta Clementine Hermione Imogen Jemima Lettice Philippa
        Arabella Camilla Cressida Felicity Harriet Henrietta Honor Isadora Ottilie Posy Romilly Saffron Verity
        Wilhelmina
        Kayleigh Chantelle Jade Shannon Stacey Tracey Tracy Sharon Leanne Kerry Gemma Danielle Jodie Jordan Kyle Liam
        Callum Brandon Reece Tyler Jayden Kai Alfie Archie Freddie Harvey Ollie Reggie Stanley Teddie Ronnie Frankie
        Evie Poppy Millie Maisie Lacey Lexi Darcey Darcie Ellie Tilly Elsie Nancy Mabel Edie Hettie Lottie Marnie
        Wendy Maureen Doreen Beryl Brenda Sheila Pauline Glenys Gladys Hilda Irene Norma Marjorie Mavis Vera Winifred
        Nigel Clive Trevor Derek Graham Keith Malcolm Colin Roy Barry Gary Darren Wayne Lee Dean Craig Stuart Ashley""",
    "south_asian": """Priya Aarav Arjun Aryan Rohan Rahul Ravi Raj Rajesh Ramesh Suresh Mahesh Dinesh Vikram Vijay
        Sanjay
        Sunil Anil Amit Ankit Nikhil Vivek Deepak Pradeep Sandeep Kuldeep Jaswinder Jasvinder Harpreet Gurpreet Manpreet
        Jaspreet Kulwinder Sukhwinder Harjit Harjeet Gurdeep Gurinder Balvinder Baljit Parminder Rupinder Amrit Amarjit
        Navdeep Navjot Simran Simranjit Jasleen Harleen Gurleen Sukhjeet Tejinder Ranjit Inderjit Satnam Jagjit Kiranjit
        Sunita Anita Geeta Gita Seema Reena Meena Neeta Nisha Pooja Puja Deepa Divya Kavita Kavya Lakshmi Meera Nalini
        Padma Radha Rekha Sangeeta Sarita Shanti Shilpa Sonia Usha Vandana Anjali Ananya Aishwarya Diya Isha Riya
        Mohammed Muhammad Mohammad Mohamed Muhammed Ahmed Ahmad Imran Irfan Asif Arif Tariq Shahid Zahid Sajid Majid
        Khalid Nadeem Naveed Waseem Wasim Faisal Usman Umar Omar Bilal Hamza Zain Zayn Ayaan Ibrahim Ismail Yusuf Yousef
        Idris Haris Rizwan Kamran Adnan Junaid Jawad Naeem Saleem Salim Shakeel Tahir Zubair Zeeshan Aamir Amir Rashid
        Fatima Fatema Ayesha Aisha Zainab Maryam Mariam Khadija Hafsa Hira Iqra Sana Saima Samina Shabana Shazia Nazia
        Rukhsana Farhana Nusrat Tahmina Shamima Rehana Rubina Yasmin Yasmeen Nasreen Parveen Perveen Shahnaz Bushra
        Noor Nur Amina Aaliyah Alisha Anisa Ruksana Rumana Sabina Salma Shirin Tasnim Tasneem Sumaiya Sumayyah Afsana
        Abdul Shafiq Rafiq Nazrul Mujibur Habibur Mizanur Ashraful Saiful Shahidul Jahangir Kamal Jamal Anwar Azad
        Ruhul Shahed Shamsul Moinul Monir Rubel Sohel Sumon Shafiul Mostafa Mustafa Hasan Hassan Hussain Hossain Hosen
        Chetan Hitesh Jignesh Kalpesh Mitesh Nilesh Paresh Rakesh Ritesh Hiren Bhavesh Dharmesh Jayesh Manish Alpesh
        Bhavna Bhavini Hema Hetal Jayshree Kajal Komal Krupa Minal Nayna Nita Pallavi Pritti Rupal Shital Trupti Urvashi
        Kumar Arun Karthik Ganesh Murugan Senthil Selvam Thiru Prakash Anand Bala Gopal Krishna Sivakumar Sathish
        Tharshini Thushara Abirami Kavitha Mathumitha Nirosha Piriya Sharmila Shanthi Vasanthi Vithya Janani""",
    "african": """Chidi Chiamaka Chinwe Chioma Chiamaka Chidinma Chinonso Chukwuemeka Chukwudi Chinedu Chibuzo Chiedza
        Ngozi Nneka Nkechi Nnamdi Obinna Obiora Ogechi Oluchi Uchenna Ugochukwu Ifeanyi Ikenna Kelechi Amaka Adaeze
        Emeka Ebuka Ekene Ifeoma Nkiru Tochukwu Tobenna Somto Chisom Zikora
        Tunde Babatunde Olatunde Folake Funmilayo Funmi Folasade Olumide Oluwaseun Seun Oluwatobi Tobi Oluwafemi Femi
        Ayodele Ayo Adebayo Adewale Wale Adetokunbo Tokunbo Abiodun Biodun Abimbola Bimbola Bukola Damilola Dami Kemi
        Kehinde Taiwo Yetunde Yinka Titilayo Titi Temitope Tope Toyin Omolara Lara Opeyemi Busola Bisi Jumoke Segun
        Kwame Kofi Kwabena Kwaku Kwesi Kojo Yaw Kwadwo Ama Abena Akosua Adwoa Afua Efua Yaa Akua Esi Adjoa Nana
        Kwabena Kobina Ekow Ato Fiifi Kweku Mawuli Selorm Sena Enam Edem Dzifa Elikem Delali
        Hodan Fadumo Ayaan Ayan Hibaaq Hibo Sahra Sagal Maryan Ubah Ifrah Ilhan Khadra Ladan Nimco Ruqia Shukri Faduma
        Abdirahman Abdullahi Abdikarim Abdirizak Abdiqani Mahad Mahamed Liban Guled Hamse Yonis Warsame Bashir Farah
        Tendai Tatenda Tinashe Farai Rudo Chipo Nyasha Kudzai Rutendo Tafadzwa Blessing Precious Memory Fortune Gift
        Thandiwe Thandi Sipho Themba Lindiwe Nomvula Zanele Zodwa Lerato Thabo Kagiso Naledi Palesa
        Wanjiru Wanjiku Njeri Nyambura Akinyi Achieng Atieno Otieno Odhiambo Ochieng Kamau Mwangi Kipchoge Chebet
        Abebe Almaz Bekele Dawit Mekdes Selam Tsion Yonas Kidist Hanna Meron Ermias Tesfaye Habtamu Amanuel Ruth
        Mamadou Moussa Ousmane Aminata Fatoumata Mariama Ibrahima Alhaji Kadiatou Sekou Lamin Fatou Awa Binta""",
    "caribbean": """Leroy Delroy Errol Winston Desmond Lloyd Clive Everton Linton Carlton Lascelles Fitzroy Courtney
        Denton
        Beverley Claudette Paulette Marcia Yvonne Hyacinth Merlene Sonia Jacqueline Jennifer Andrea Janice Lorna
        Novlette
        Shanice Shaniqua Tanisha Keisha Latoya Kenisha Jermaine Jerome Tyrone Dwayne Marlon Ricardo Rohan Omari Kareem
        Akeem Jahmal Jamal Jamar Tajay Shamar Dashawn Delano Kemar Kemoy Odane Romario Shevon Sheree Tishana Tiana""",
    "chinese": """Wei Mei Ying Jun Jing Ling Lin Li Hui Xiao Xin Yan Yu Yue Zhen Hong Hua Ming Hao Chen Lei Kai
        Jian Jie Bo Bin Feng Gang Qiang Tao Yong Zhi Wen Xiu Lan Fang Juan Na Ping Qing Shu Ting Xia Yun Zhou
        Ka-Wai Kwok Siu Man Chun Wing Yee Hoi Sze Tsz Kin Ho Pui Suet Lok Long Yat Fai Chi
        Mingyu Xiaoming Xiaoli Jiahui Zihan Yuxuan Haoran Zhiwei Junjie Jiayi Yifan Yiming Zhihao Xinyi Shuang""",
    "polish_eastern_european": """Agnieszka Katarzyna Małgorzata Malgorzata Magdalena Joanna Monika Justyna Karolina
        Dorota Ewa Beata Barbara Marta Aleksandra Natalia Zuzanna Zofia Wiktoria Weronika Izabela Iwona Renata Sylwia
        Piotr Tomasz Krzysztof Paweł Pawel Michał Michal Marcin Łukasz Lukasz Grzegorz Jakub Kamil Mateusz Wojciech
        Dariusz Mariusz Bartosz Rafał Rafal Przemysław Szymon Dawid Adrian Sebastian Artur Jacek Janusz Zbigniew
        Andrzej Marek Jarosław Jaroslaw Mirosław Stanisław Tadeusz Ryszard Bogdan
        Ionut Ionela Mihai Andreea Alexandru Florin Gheorghe Vasile Cristina Elena Adriana Nicoleta Bogdana Raluca
        Tudor Ovidiu Radu Catalin Costel Dorin Lavinia Loredana Mirela Oana Roxana Simona
        Jonas Tomas Mantas Lukas Rokas Gintare Ieva Rasa Egle Aiste Jurgita Vilma Darius Arvydas Kestutis Ruta
        Olena Oksana Olha Iryna Tetiana Nataliia Yulia Kateryna Svitlana Anastasiia Viktoriia Mykola Oleksandr
        Oleksii Dmytro Andrii Serhii Vasyl Volodymyr Yurii Bohdan Taras Ihor Vitalii Maksym Artem
        Sergei Dmitri Aleksandr Nikolai Vladimir Ivan Yevgeny Olga Svetlana Tatiana Ekaterina Anastasia Natalya
        Aurela Arben Besnik Blerim Dritan Elton Ermal Fatjon Gentian Klodian Mergim Valon Ardit Erion Lirim
        Ivana Petar Georgi Dimitar Stoyan Yordan Desislava Mariya Radostina Tsvetelina""",
    "other": """Mehmet Mustafa Ahmet Ayşe Ayse Fatma Emine Hatice Zeynep Elif Hüseyin Huseyin Ali Veli Murat Kemal
        Serkan Burak Emre Cem Deniz Derya Esra Gül Gul Hakan Levent Ozan Selin Tolga Volkan Yusuf Zehra Kerem
        Hevin Rojda Berivan Dilan Azad Rebin Shilan Soran Kawa Hemin Karwan Zana Avin Roj
        Parisa Shirin Ladan Leila Laleh Mahsa Maryam Narges Nasrin Roya Sara Setareh Shabnam Yasaman Arash Babak
        Behrooz Dariush Farhad Hamid Kaveh Kian Kourosh Mehdi Mehran Navid Omid Payam Pouya Ramin Reza Saeed Siavash
        Ahmad Khaled Mahmoud Walid Yasser Samir Karim Tarek Nabil Rami Hani Nour Rania Dalia Hala Lina Dima Reem
        Thanh Huong Linh Lan Mai Hoa Thuy Trang Hanh Ngoc Phuong Tuan Minh Hieu Duc Dung Hung Khanh Long Quang
        Siddiq Yaw Jose Maria Joao Ana Rui Tiago Filipa Ines Goncalo Beatriz Carolina Mariana Duarte
        Nikos Giorgos Yiannis Dimitris Kostas Eleni Sophia Katerina Androulla Panayiota Christakis Andreas Marios""",
}

SURNAMES = {
    "scottish": """MacGillivray McCrindle MacDonald McDonald MacLeod McLeod MacKenzie McKenzie MacKay McKay MacLean
        McLean MacKinnon McKinnon MacIntyre McIntyre MacMillan McMillan MacPherson McPherson MacRae McRae MacInnes
        McInnes MacAulay McAulay MacNeil McNeil MacDougall McDougall MacFarlane McFarlane MacGregor McGregor MacLachlan
        McLachlan MacQueen McQueen MacArthur McArthur MacAskill McAskill MacIver McIver MacLennan McLennan MacNab
        McNab MacTavish McTavish MacEwan McEwan MacIsaac MacPhail McPhail MacKinlay McKinlay McGill McGhee McGee McGowan
        McGuire McGinley McGonigle McGlashan McGrath McGeoch McHardy McHugh McIlroy McIlwraith McKechnie McKellar
        McKelvie McKendrick McKenna McKerrow McKie McKim McKinley McLaren McLaughlin McLintock McLure McMahon McManus
        McMaster McMurray McNally McNamara McNaughton McNeill McNulty McPhee McQuarrie McShane McSorley McTaggart
        McWhirter Mackie Munro Murray Ross Sinclair Sutherland Urquhart Fraser Grant Gunn Haig Hogg Innes Kerr
        Lamont Lennox Lindsay Menzies Moffat Ogilvie Rattray Robertson Shearer Strachan Tait Wallace Wishart Cruickshank
        Drummond Dunbar Forsyth Galbraith Geddes Gillies Gilmour Glendinning Henderson Kirkpatrick Lauder Leslie
        Livingstone Maxwell Milne Mowat Napier Niven Paterson Ramsay Riddell Rutherford Scobie Skene Stirling Thomson
        Baird Bain Buchanan Cameron Campbell Chisholm Cochrane Colquhoun Cunningham Dalgleish Dewar Duff Farquharson
        Ferguson Fergusson Gordon Graham Guthrie Haldane Hamilton Hay Johnstone Keith Kinnear Laing Logan Lumsden
        Macaulay Mackintosh Macintosh Matheson Morrison Nicolson Nisbet Pringle Rankin Reid Semple Sproat Swinton""",
    "welsh": """Jones Davies Davis Evans Thomas Roberts Lewis Hughes Morgan Griffiths Griffith Owen Owens Jenkins Price
        Powell Pritchard Prichard Bowen Bevan Beavan Parry Pugh Probert Prosser Pryce Rees Reese Rice Vaughan Watkins
        Williams Llewellyn Llewelyn Lloyd Floyd Gwilym Gwynne Gwyn Wynne Wyn Howell Howells Humphreys Ellis Edwards
        Harries Hopkins Jarvis Meredith Mostyn Nash Parri Pryse Rhys Rowlands Tudor Trevor Vychan Gethin Cadwaladr
        Cadogan Caradog Dafydd Eynon Gittins Glyn Gruffydd Gruffudd Hywel Ifans Ieuan Jenkin Kemble Landeg Madoc
        Maddox Mathias Mayberry Mostyn Parfitt Penry Powys Preece Prydderch Vaughan-Thomas ap-Rhys""",
    "irish": """O'Neill O'Sullivan O'Brien O'Connor O'Connell O'Donnell O'Donoghue O'Donovan O'Driscoll O'Farrell
        O'Flaherty O'Gorman O'Hara O'Kane O'Keeffe O'Leary O'Mahony O'Malley O'Reilly O'Rourke O'Shea O'Toole O'Dowd
        O'Dwyer O'Hagan O'Halloran O'Hanlon O'Loughlin O'Meara O'Callaghan O'Carroll O'Grady O'Hare
        Murphy Kelly Byrne Ryan Walsh Doyle McCarthy Gallagher Doherty Kennedy Lynch Murray Quinn Moore McLoughlin
        Carroll Connolly Daly Connell Brennan Burke Collins Campbell Clarke Johnston Hughes Farrell Fitzgerald Brown
        Martin Maguire Nolan Flynn Thompson Callaghan Dunne Foley Fitzpatrick Hayes Kavanagh Keane Keogh Kinsella
        Madden Mahon Moran Mulligan Mulvaney Nagle Nugent Power Regan Riordan Rooney Scanlon Sheehan Sweeney Tierney
        Treacy Whelan Cassidy Coughlan Cullen Cunningham Delaney Devlin Dolan Donnelly Duffy Egan Fallon Flanagan
        Gilligan Hegarty Hennessy Hogan Horgan Kearney Kehoe Kiely Lenihan Loughran McAleese McAuley McBride McCann
        McCormack McCourt McCullough McElroy McErlean McFadden McGlinchey McGuigan McGurk McKeown McLaughlin McMullan
        McNicholl McQuillan Breathnach""",
    "english": """Thistlewood Smith Jones Taylor Brown Wilson Johnson Wright Walker Robinson Thompson White Hughes
        Edwards
        Green Hall Wood Harris Lewis Martin Jackson Clarke Clark Turner Hill Scott Cooper Morris Ward Moore King Watson
        Baker Harrison Morgan Patel Young Allen Mitchell James Anderson Phillips Lee Bell Parker Davis Shaw Lloyd
        Cook Barker Bennett Carter Cox Dixon Ellis Fletcher Foster Gibson Gray Hunt Kelly Knight Marshall Mason Mills
        Palmer Pearson Pearce Richards Rogers Russell Saunders Simpson Stevens Webb Wells West Holmes Hussain
        Ainsworth Ashworth Bagshaw Barraclough Battersby Blenkinsop Braithwaite Brocklehurst Butterworth Cartwright
        Chadwick Clegg Crabtree Entwistle Fairclough Greenhalgh Hargreaves Heseltine Holroyd Illingworth Kershaw
        Lancashire Longbottom Ormerod Pickersgill Ramsbottom Rawnsley Sidebottom Sutcliffe Threlfall Uttley
        Wainwright Whitworth Winterbottom Worsley Ackroyd Appleby Aspinall Bamford Brearley Duckworth Eccles
        Fazackerley Gledhill Haworth Hepworth Higginbottom Holdsworth Lumb Mottershead Pilkington Rothwell Shufflebottom
        Tattersall Thwaite Trelawney Penhaligon Pengelly Tremayne Trevithick Polglase Chenoweth Nancarrow Rowe
        Pascoe""",
    "south_asian": """Patel Shah Singh Kaur Sharma Kumar Gupta Mistry Parmar Solanki Chauhan Rathod Makwana Modi Desai
        Mehta Joshi Pandya Trivedi Vyas Bhatt Thakkar Kotecha Lakhani Ruparelia Chudasama Vaghela Gohil Jadeja Parekh
        Gill Sandhu Dhillon Sidhu Bains Grewal Johal Sahota Sangha Atwal Bassi Bhogal Chahal Dhaliwal Gakhal Hundal
        Kalsi Kang Khaira Mann Randhawa Sohal Virdi Virk Uppal Heer Brar Cheema Deol Gosal Bhamra Matharu Rai Sahni
        Khan Hussain Ahmed Ahmad Ali Akhtar Iqbal Mahmood Mehmood Rashid Riaz Saleem Aslam Aziz Bashir Butt Chaudhry
        Chaudhary Choudhury Chowdhury Hanif Javed Khalid Latif Malik Mirza Mughal Nawaz Qureshi Rehman Rahman Sadiq
        Shafiq Shaikh Sheikh Siddiqui Tariq Yousaf Yousuf Zaman Anwar Ashraf Awan Raja Abbasi Bhatti Dar Haq Hashmi
        Begum Uddin Miah Mia Islam Hoque Haque Hossain Alam Khatun Akter Sultana Bibi Ullah Karim Rahim Amin Sarkar
        Talukdar Bhuiyan Mollah Sikder Kabir Mondal
        Sivakumar Rajendran Ravichandran Subramaniam Srinivasan Balasubramaniam Thangarajah Sivanesan Nadarajah
        Jeyakumar Kanagaratnam Mahendran Murugesu Navaratnam Ponnambalam Selvarajah Shanmugam Sivapalan Yogarajah
        Perera Fernando Silva Jayasuriya Wickramasinghe Gunawardena Rajapaksa Senanayake Bandara Dissanayake
        Nair Menon Pillai Iyer Reddy Rao Naidu Krishnan Raman Venkatesh Banerjee Chatterjee Mukherjee Ghosh Das Bose""",
    "african": """Okonkwo Okafor Okeke Okoro Okoye Nwosu Nwachukwu Nwankwo Eze Obi Onyekachi Onuoha Chukwu Igwe Ibe Uche
        Adeyemi Adebayo Adeleke Adewale Adeniyi Adeola Ogunleye Ogunbiyi Oyelaran Oyewole Olatunji Olawale Oluwole
        Akinola Akinyemi Ayodele Babatunde Bello Balogun Fashola Lawal Ojo Oni Salami Shittu Afolabi Ajayi Alabi
        Mensah Boateng Asante Owusu Osei Agyeman Agyei Appiah Amoah Ansah Antwi Badu Bonsu Darko Danquah Frimpong
        Gyamfi Kuffour Manu Nkrumah Ofori Opoku Sarpong Tetteh Quaye Quarshie Addo Amankwah Acheampong Yeboah Annan
        Abdi Warsame Farah Hassan Mohamud Mohamed Omar Ahmed Ali Yusuf Jama Egal Dirie Hersi Nur Aden Abdullahi
        Ismail Duale Gedi Guled Ibrahim Osman Samatar Shire Jibril Elmi Barre Hussein Mahamud Abdillahi
        Moyo Ndlovu Dube Ncube Sibanda Mpofu Nyathi Chikwanha Mutasa Mugabe Chiwenga Mhlanga Khumalo Zulu Nkosi Dlamini
        Mokoena Molefe Kamau Mwangi Otieno Odhiambo Ochieng Kariuki Njoroge Wanjiku Kipkemboi Mutua Onyango Wafula
        Tesfaye Bekele Haile Girma Tadesse Alemu Gebre Mekonnen Diallo Bah Barry Sow Camara Conteh Kamara Sesay
        Koroma Jalloh Turay Bangura Kanu Mansaray""",
    "caribbean": """Campbell Brown Williams Thompson Clarke Francis Grant Henry Reid Robinson Morgan Bailey Barnes
        Gordon Graham Lewis Miller Powell Simpson Stewart Walker Wright Edwards Hamilton Johnson Daley Dacres Gayle
        Bolt Blake Beckford Chambers Ennis Fraser-Pryce Gooden Hylton Lindo McKenzie Nembhard Pusey Salmon Spence
        Thelwell Whyte Wint Bogle Braithwaite Cumberbatch Forde Greaves Holder Jemmott Kellman Layne Mottley
        Sealy Skeete Springer Worrell Ramdass Ramdial Persaud Singh Ramkissoon Maharaj Rampersad Baptiste Charles
        Joseph Pierre Jean-Baptiste Alleyne Best Codrington Gittens Haynes Inniss Jordan Lashley Marshall Nurse
        Yearwood""",
    "chinese": """Wong Chan Cheung Lam Lau Leung Li Lee Ng Ho Yip Tang Chow Chau Kwok Kwan Lai Lo Mak Poon Tam Tse Tsang
        Wu Yau Yeung Yuen Fung Hui Kong Ma Mok Siu So Suen Szeto Tsui Wan Wai Choi Chiu Chung Fong Hung Ko Kan Kam Law
        Wang Zhang Liu Chen Yang Huang Zhao Zhou Xu Sun Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang Han Feng
        Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Qiu Xia""",
    "polish_eastern_european": """Nowak Kowalski Kowalska Wiśniewski Wiśniewska Wisniewski Wójcik Wojcik Kowalczyk
        Kamiński Kaminski Lewandowski Lewandowska Zieliński Zielinski Szymański Szymanski Woźniak Wozniak Dąbrowski
        Dabrowski Kozłowski Kozlowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawłowski
        Pawlowski Michalski Nowicki Adamczyk Dudek Zając Zajac Wieczorek Jabłoński Jablonski Król Krol Majewski
        Olszewski
        Jaworski Wróbel Wrobel Malinowski Pawlak Witkowski Walczak Stępień Stepien Górski Gorski Rutkowski Michalak
        Sikora Ostrowski Baran Duda Szewczyk Tomaszewski Pietrzak Marciniak Wróblewski Zalewski Jakubowski Jasiński
        Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Constantin Rusu Munteanu Moldovan
        Kazlauskas Jankauskas Petrauskas Stankevičius Vasiliauskas Žukauskas Butkus Paulauskas Urbonas Kavaliauskas
        Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Melnyk Boyko Kovalchuk Koval Polishchuk
        Ivanov Petrov Smirnov Sokolov Popov Kuznetsov Volkov Novikov Morozov Pavlov Horvath Kovacs Nagy Szabo
        Hoxha Shehu Berisha Krasniqi Gashi Morina Kelmendi Dervishi Leka Mema Gjoka""",
    "other": """Yilmaz Yılmaz Kaya Demir Şahin Sahin Çelik Celik Yildiz Yıldız Aydin Aydın Öztürk Ozturk Arslan Doğan
        Dogan Kılıç Kilic Aslan Çetin Cetin Kara Koç Koc Kurt Özdemir Ozdemir Polat Erdogan Güneş Gunes Akin Aksoy
        Hosseini Ahmadi Mohammadi Rezaei Moradi Karimi Rahimi Jafari Sadeghi Hashemi Tehrani Shirazi Esfahani
        Haddad Khoury Nassar Saleh Mansour Aboud Awad Darwish Hamdan Ibrahim Kassem Najjar Qasim Sabbagh Zaki
        Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Truong Dinh Lam Mai Trinh
        Santos Pereira Ferreira Oliveira Costa Rodrigues Martins Sousa Fernandes Goncalves Gomes Lopes Marques
        Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira Correia Mendes Nunes Soares Vieira Monteiro Cardoso
        Papadopoulos Georgiou Constantinou Christodoulou Demetriou Ioannou Charalambous Michael Nicolaou Panayiotou
        Hadjipavlou Kyriacou Savva Stavrou Antoniou Pavlou Loizou Petrou Theodorou Vassiliou""",
}


def words(block: str) -> list[str]:
    return [w for w in block.split() if w]


def all_first() -> set[str]:
    return {n for block in FIRST.values() for n in words(block)}


def all_surnames() -> set[str]:
    return {n for block in SURNAMES.values() for n in words(block)}
